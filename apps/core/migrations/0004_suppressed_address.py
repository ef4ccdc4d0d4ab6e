from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0003_worker_index_with_id")]

    operations = [
        migrations.CreateModel(
            name="SuppressedAddress",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("digest", models.CharField(max_length=64, unique=True)),
                (
                    "reason",
                    models.CharField(
                        choices=[("never", "Asked never to be contacted again"), ("erased", "Data erased")],
                        default="erased",
                        max_length=8,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={"verbose_name_plural": "suppressed addresses"},
        ),
    ]
