"""The browser set-up decision, run as a machine without Chromium would run it.

`scripts/ensure-chromium.sh` runs in a private mount namespace where /usr/bin/chromium is
hidden (a bind mount of /dev/null, which is not executable), with stand-ins for apt-get,
apt-cache and the virtualenv's python first on PATH. The stand-ins record what they are
asked, so the branch the script takes is asserted, not inferred from its exit status.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "ensure-chromium.sh"
CHROMIUM = Path("/usr/bin/chromium")

# apt-cache's real answer is short; a long version table makes the writer outlive an early
# `grep -q`, which is how the SIGPIPE bug showed on a real machine.
POLICY_WITH_CANDIDATE = (
    "chromium:\n  Installed: (none)\n  Candidate: 156.0.8078.73-1~deb12u1\n  Version table:\n"
    + "     156.0.8078.73-1~deb12u1 500\n        500 http://deb.example/debian bookworm/main amd64 Packages\n" * 4000
)
POLICY_WITHOUT_CANDIDATE = "chromium:\n  Installed: (none)\n  Candidate: (none)\n  Version table:\n"

needs_namespaces = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("unshare") is None,
    reason="hiding /usr/bin/chromium needs root and unshare (CI runs as root)",
)


def _stand_ins(folder: Path, policy: str) -> Path:
    log = folder / "calls.log"
    (folder / "policy.txt").write_text(policy)
    stubs = {
        "apt-get": f'echo "apt-get $*" >> {log}\n',
        "apt-cache": f'echo "apt-cache $*" >> {log}\ncat {folder / "policy.txt"}\n',
        "python": f'echo "python $*" >> {log}\n',
    }
    for name, body in stubs.items():
        path = folder / name
        path.write_text("#!/bin/sh\n" + body)
        path.chmod(0o755)
    return log


def _run_hidden(tmp_path: Path, policy: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    log = _stand_ins(tmp_path, policy)
    hide = f"mount --bind /dev/null {CHROMIUM} && " if CHROMIUM.exists() else ""
    command = f"{hide}exec bash {SCRIPT}"
    env = {
        "PATH": f"{tmp_path}:/usr/sbin:/usr/bin:/sbin:/bin",
        "PYTHON": str(tmp_path / "python"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(["unshare", "-m", "bash", "-c", command], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=60)
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls


@needs_namespaces
def test_without_chromium_debian_package_is_installed_with_apt(tmp_path):
    result, calls = _run_hidden(tmp_path, POLICY_WITH_CANDIDATE)
    assert "apt-get update -qq" in calls
    assert "apt-get install -y -qq chromium fonts-wqy-zenhei" in calls
    assert not [c for c in calls if c.startswith("python")], calls  # no Playwright download
    # the stand-in installs nothing, so the script must notice the binary is still missing
    assert result.returncode == 1
    assert "still missing" in result.stderr


@needs_namespaces
def test_without_a_debian_package_playwright_build_is_the_fallback(tmp_path):
    result, calls = _run_hidden(tmp_path, POLICY_WITHOUT_CANDIDATE)
    assert "apt-get install -y -qq chromium fonts-wqy-zenhei" not in calls
    assert "python -m playwright install --with-deps chromium" in calls
    assert result.returncode == 0, result.stderr


@needs_namespaces
def test_present_chromium_means_nothing_is_installed(tmp_path):
    log = _stand_ins(tmp_path, POLICY_WITH_CANDIDATE)
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    if CHROMIUM.exists():
        command = f"mount --bind {fake} {CHROMIUM} && exec bash {SCRIPT}"
    else:
        pytest.skip("no /usr/bin/chromium to stand in for on this machine")
    result = subprocess.run(["unshare", "-m", "bash", "-c", command], capture_output=True, text=True,
                            env={"PATH": f"{tmp_path}:/usr/bin:/bin"}, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert not log.exists()
