"""The PostgreSQL client tools' command line for the configured database: connection details
as options and the password in the environment, never on the command line."""

import os

from django.db import connection


def postgres_command(tool: str, *options: str) -> tuple[list[str], dict]:
    settings = connection.settings_dict
    command = [tool, *options, "--dbname", settings["NAME"]]
    if settings.get("HOST"):
        command += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        command += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        command += ["--username", settings["USER"]]
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return command, env
