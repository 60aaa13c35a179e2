import contentdesk.models
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contentdesk", "0002_items_notifications"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentimage",
            name="thumbnail",
            field=models.ImageField(blank=True, max_length=300, upload_to=contentdesk.models.image_path),
        ),
        migrations.AddField(
            model_name="contentimagevariant",
            name="thumbnail",
            field=models.ImageField(blank=True, max_length=300, upload_to=contentdesk.models.image_path),
        ),
    ]
