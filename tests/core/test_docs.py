import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_variables():
    source = (ROOT / "config" / "settings.py").read_text()
    names = set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', source))
    names |= set(re.findall(r'_required\("([A-Z_]+)"\)', source))
    return names


def test_every_environment_variable_is_documented_in_readme_and_env_example():
    readme = (ROOT / "README.md").read_text()
    example = (ROOT / ".env.example").read_text()
    names = settings_variables()
    assert {"SECRET_KEY", "DATABASE_URL", "EMAIL_URL"} <= names
    missing_readme = sorted(n for n in names if f"`{n}`" not in readme)
    assert not missing_readme, f"add to the README's configuration table: {missing_readme}"
    missing_example = sorted(n for n in names if n not in example)
    assert not missing_example, f"add to .env.example: {missing_example}"
