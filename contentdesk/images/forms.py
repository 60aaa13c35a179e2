from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from contentdesk.images.variants import Focus
from contentdesk.models import ContentImage, ContentImageVariant, ContentItem, ImageFormat

MAX_FILES = 10
ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files in one field; what each contains is checked by the upload service."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("Upload at most %(count)s images at a time."), code="too_many", params={"count": MAX_FILES}
            )
        return [super(MultipleImageField, self).clean(item, initial) for item in files]


class ImageUploadForm(forms.Form):
    BACK_CHOICES = [("library", "library"), ("item", "item")]

    files = MultipleImageField(
        label=_("Images"),
        error_messages={"required": _("Choose at least one image.")},
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    alt_text = forms.CharField(
        label=_("Description for screen readers"),
        max_length=ContentImage._meta.get_field("alt_text").max_length,
        required=False,
        help_text=_("What the picture shows, for who cannot see it; optional."),
    )
    item = forms.ModelChoiceField(
        queryset=ContentItem.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("That content item does not exist (any more).")},
    )
    back = forms.ChoiceField(choices=BACK_CHOICES, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = ContentItem.objects.for_company(company)
        self.fields["files"].help_text = gettext(
            "JPEG, PNG or WebP, up to %(mb)s MB and %(mp)s million pixels each; up to %(count)s at a time."
        ) % {
            "mb": ContentImage.MAX_BYTES // (1024 * 1024),
            "mp": ContentImage.MAX_PIXELS // 1_000_000,
            "count": MAX_FILES,
        }


class VariantForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"), choices=ImageFormat.choices, initial=ImageFormat.LANDSCAPE, widget=forms.RadioSelect
    )
    focus = forms.ChoiceField(
        label=_("Keep"),
        choices=[
            (Focus.TOP, _("the top")),
            (Focus.CENTRE, _("the centre")),
            (Focus.BOTTOM, _("the bottom")),
        ],
        initial=Focus.CENTRE,
        widget=forms.RadioSelect,
        help_text=_("When the picture has other proportions, which part stays in the crop."),
    )
    overlay_text = forms.CharField(
        label=_("Text over the image"),
        max_length=ContentImageVariant._meta.get_field("overlay_text").max_length,
        required=False,
        help_text=_("Optional: white text on a dark band at the bottom."),
    )
