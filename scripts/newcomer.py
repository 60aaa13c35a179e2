"""The newcomer's path, as a script: clone the repository into a temporary folder and run the
README's two commands exactly as written there.

1. The first command (`make demo`) must set everything up and serve the demo: the script waits
   for the address it prints, signs in with each demo login it prints, and checks each lands on
   a page of its company; then it stops the demo (web, worker and beat).
2. The second command (`make test`) must pass.

Usage: python3 scripts/newcomer.py [--demo-only] [repository path or URL]   (default: this repository)
Only the standard library: it runs before any virtualenv exists. Exit code 0 when both hold.
"""

import http.cookiejar
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_TIMEOUT = 900  # seconds for the first command to install, migrate, seed and serve
PASSWORD_PATTERN = re.compile(r"password (\S+?)\)?:")
ADDRESS_PATTERN = re.compile(r"Open:\s+(http://\S+)")
# "    email" or "    email  (then the recovery code abcd2345, valid once)"
LOGIN_PATTERN = re.compile(r"^\s{4}(\S+@\S+)(?:\s+\(then the recovery code (\S+), valid once\))?$")


def readme_commands(readme: Path) -> list[str]:
    """The commands of the README's "Two commands" block, without their comments."""
    text = readme.read_text()
    section = text.split("## Two commands", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].strip() for line in block.strip().splitlines()]
    commands = [c for c in commands if c]
    if len(commands) != 2:
        raise SystemExit(f"The README's first block should hold two commands, found {commands!r}")
    return commands


def clean_env() -> dict:
    """A newcomer's shell: the embedded default, no database or broker settings of ours."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "STAFFETTA_VAR_DIR"}}
    env.pop("VIRTUAL_ENV", None)
    return env


def start_demo(command: str, folder: Path) -> tuple[subprocess.Popen, list[str]]:
    process = subprocess.Popen(
        shlex.split(command),
        cwd=folder,
        env=clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # one process group: the demo and its children stop together
    )
    lines: list[str] = []

    def pump():
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            print(f"  | {line}", end="", flush=True)

    threading.Thread(target=pump, daemon=True).start()
    return process, lines


def wait_for_address(process: subprocess.Popen, lines: list[str]) -> str:
    deadline = time.monotonic() + DEMO_TIMEOUT
    while time.monotonic() < deadline:
        for line in list(lines):
            match = ADDRESS_PATTERN.search(line)
            if match:
                return match.group(1)
        if process.poll() is not None:
            raise SystemExit(f"The first command stopped (exit {process.returncode}) before printing an address.")
        time.sleep(1)
    raise SystemExit("The first command printed no address in time.")


def wait_until_answering(address: str, timeout: float = 120) -> None:
    """The banner comes a moment before the web server listens (or while it still loads)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(urllib.parse.urljoin(address, "/accounts/login/"), timeout=10).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def demo_logins(lines: list[str]) -> tuple[str, list[tuple[str, str | None]]]:
    """The password and the (email, recovery code or None) of each login the demo printed."""
    password, logins = None, []
    for line in lines:
        if password is None and (match := PASSWORD_PATTERN.search(line)):
            password = match.group(1)
        elif password is not None and (match := LOGIN_PATTERN.match(line)):
            logins.append((match.group(1), match.group(2)))
    if not password or not logins:
        raise SystemExit("The demo printed no logins with their password.")
    return password, logins


def _post_form(opener, url: str, page: str, fields: dict) -> tuple[str, str]:
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        raise SystemExit(f"{url} has no CSRF token.")
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), **fields}).encode()
    response = opener.open(urllib.request.Request(url, data=data, headers={"Referer": url}), timeout=60)
    return response.geturl(), response.read().decode()


def sign_in(address: str, email: str, password: str, recovery_code: str | None = None) -> str:
    """Sign in through the login form, as a browser would (then the second factor with the
    printed recovery code when asked); returns the page it lands on."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_url = urllib.parse.urljoin(address, "/accounts/login/")
    page = opener.open(login_url, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        raise SystemExit("The login page has no CSRF token.")
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "username": email, "password": password}
    ).encode()
    request = urllib.request.Request(login_url, data=data, headers={"Referer": login_url})
    response = opener.open(request, timeout=60)
    final = response.geturl()
    if final.rstrip("/").endswith("/accounts/login"):
        raise SystemExit(f"Signing in as {email} failed: still on the login page.")
    if "/accounts/two-factor/" in final:
        if not recovery_code:
            raise SystemExit(f"{email} is asked for a second factor, but the demo printed no code for it.")
        final, _page = _post_form(opener, final, response.read().decode(), {"code": recovery_code})
        if "/accounts/two-factor/" in final:
            raise SystemExit(f"The recovery code printed for {email} was refused.")
    return final


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def main() -> int:
    arguments = [a for a in sys.argv[1:] if a != "--demo-only"]
    demo_only = "--demo-only" in sys.argv[1:]
    source = arguments[0] if arguments else str(ROOT)
    with tempfile.TemporaryDirectory(prefix="staffetta-newcomer-") as temporary:
        folder = Path(temporary) / "staffetta"
        subprocess.run(["git", "clone", "--quiet", source, str(folder)], check=True)
        first, second = readme_commands(folder / "README.md")
        print(f"README's first command: {first}\nREADME's second command: {second}", flush=True)

        process, lines = start_demo(first, folder)
        try:
            address = wait_for_address(process, lines)
            wait_until_answering(address)
            password, logins = demo_logins(lines)
            for email, recovery_code in logins:
                landed = sign_in(address, email, password, recovery_code)
                print(f"Signed in as {email}: {landed}", flush=True)
                if "/c/" not in landed and not landed.rstrip("/").endswith(("/companies", "/portfolio")):
                    raise SystemExit(f"{email} did not land on a company page: {landed}")
        finally:
            stop(process)

        if demo_only:
            print("Newcomer path: the first command works as written (tests not run: --demo-only).")
            return 0
        print(f"Running the README's second command: {second}", flush=True)
        result = subprocess.run(shlex.split(second), cwd=folder, env=clean_env())
        if result.returncode:
            print(f"The second command failed (exit {result.returncode}).")
            return result.returncode
    print("Newcomer path: both README commands work as written.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
