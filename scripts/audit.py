"""Audit the pinned dependencies (requirements/constraints.txt) for known vulnerabilities.

Runs pip-audit against the OSV database, then PyPI's advisories if OSV cannot be reached.
Exit 1 on any known vulnerability that requirements/audit-ignore.txt does not accept.
When no advisory service answers (a machine without internet access), it says so and exits 0:
set AUDIT_STRICT=1 to fail instead.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
IGNORE_FILE = ROOT / "requirements" / "audit-ignore.txt"
SERVICES = ("osv", "pypi")


def accepted_vulnerabilities() -> list[str]:
    """IDs in the ignore file, one per line, each followed by a comment saying why."""
    if not IGNORE_FILE.exists():
        return []
    ids = []
    for line in IGNORE_FILE.read_text().splitlines():
        vuln_id = line.split("#", 1)[0].strip()
        if vuln_id:
            ids.append(vuln_id)
    return ids


def audit(service: str, ignored: list[str]) -> dict | None:
    """pip-audit's JSON report, or None when the service could not be reached."""
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        str(CONSTRAINTS),
        "--no-deps",
        "--disable-pip",
        "--vulnerability-service",
        service,
        "--format",
        "json",
        "--progress-spinner",
        "off",
        "--timeout",
        "20",
    ]
    for vuln_id in ignored:
        command += ["--ignore-vuln", vuln_id]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        last_line = (result.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"audit: {service} service failed: {last_line[:300]}")
        return None
    dependencies = report.get("dependencies", [])
    if dependencies and all("skip_reason" in dependency for dependency in dependencies):
        print(f"audit: {service} service knew none of the {len(dependencies)} pinned packages")
        return None
    return report


def main() -> int:
    ignored = accepted_vulnerabilities()
    for service in SERVICES:
        report = audit(service, ignored)
        if report is None:
            continue
        dependencies = report["dependencies"]
        vulnerable = [d for d in dependencies if d.get("vulns")]
        skipped = [d["name"] for d in dependencies if "skip_reason" in d]
        audited = len(dependencies) - len(skipped)
        print(
            f"audit ({service}): {audited} packages audited, {len(skipped)} not found"
            f" ({', '.join(skipped) or 'none'}), {len(ignored)} accepted vulnerabilities ignored"
        )
        for dependency in vulnerable:
            for vuln in dependency["vulns"]:
                fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
                name, version = dependency["name"], dependency["version"]
                print(f"  {name} {version}: {vuln['id']} (fixed in {fixed})")
        if vulnerable:
            print(
                "audit: FAILED. Upgrade (then `make constraints`), or accept the vulnerability"
                f" in {IGNORE_FILE.relative_to(ROOT)} with the reason."
            )
            return 1
        print("audit: no known vulnerabilities")
        return 0
    message = (
        "audit: SKIPPED: no vulnerability service reachable from this machine"
        f" (tried {', '.join(SERVICES)}); run `make audit` where the internet is reachable"
    )
    print(message)
    return 1 if os.environ.get("AUDIT_STRICT") == "1" else 0


if __name__ == "__main__":
    sys.exit(main())
