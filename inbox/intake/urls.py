# Public intake under /in/<public_key>/: website form, embed snippet, webhook, OpenAPI schema.
urlpatterns = []
