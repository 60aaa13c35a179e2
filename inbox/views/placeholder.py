from django.shortcuts import render

from engagements.tenancy import company_view


@company_view("inbox.view")
def inbox(request):
    return render(request, "inbox/placeholder.html")
