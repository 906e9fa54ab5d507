#!/usr/bin/env python3
"""Drives a burst of money requests at a Passerelle server that `crash-test.sh` keeps killing
with SIGKILL and restarting: the chair approves every plan, an admin releases each tranche and
a finance officer confirms it. A request cut by a crash is retried with the SAME idempotency
key, as a browser resubmitting its form would; a key's replay must answer the first result,
never pay twice. Every acknowledged answer is written to a file the script checks against the
database afterwards (nothing acknowledged may be lost).

Every session signs in before the burst (the script waits for READY_FILE before its first
kill): sign-ins cut by crashes would count as failed guesses and lock the accounts out.

Standard library only. Usage: crash_driver.py BASE_URL PLAN_IDS_FILE ACK_FILE READY_FILE
"""

import http.cookiejar
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

DEMO_PASSWORD = "passerelle demo 2026"


class Session:
    def __init__(self, base, email):
        self.base = base
        self.email = email
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.logged_in = False
        self.cut = 0

    def post(self, path, fields):
        """One attempt: (status, parsed JSON or text), or None when the server is down."""
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
                "Origin": self.base,
                "Sec-Fetch-Site": "same-origin",
            },
        )
        try:
            with self.opener.open(request, timeout=10) as response:
                text = response.read().decode()
                return response.status, text
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return None

    def sign_in_once(self):
        """One sign-in attempt; its answer. A sign-in cut by a crash counts as a failed one
        (the attempt is written before the password is checked), and five of those lock the
        account out from this address for 15 minutes: sign in before the kills start."""
        answer = self.post("/api/login", {"email": self.email, "password": DEMO_PASSWORD})
        self.logged_in = answer is not None and answer[0] == 200
        return answer

    def call(self, path, fields):
        """Retries through crashes until the server answers; signs in again when a restart
        lost nothing but a session is missing (sessions live in the database, so it should not)."""
        last = None
        for _ in range(600):
            if not self.logged_in:
                last = ("/api/login", self.sign_in_once())
                if not self.logged_in:
                    time.sleep(0.2)
                    continue
            answer = self.post(path, fields)
            last = (path, answer)
            if answer is None or answer[0] in (500, 503):
                self.cut += 1
                time.sleep(0.2)
                continue
            if answer[0] == 401:
                self.logged_in = False
                continue
            return answer
        # What the last try met, to tell a dead server from one that refuses (an answer).
        asked, answer = last
        met = "no answer" if answer is None else f"{answer[0]} {answer[1][:300]!r}"
        raise SystemExit(f"{path}: the server never came back (last, {asked}: {met})")


WORKERS = 4


def main():
    base, plans_file, ack_file, ready_file = sys.argv[1:5]
    plans = [int(line) for line in open(plans_file) if line.strip()]
    acks = open(ack_file, "w")
    lock = threading.Lock()

    def ack(kind, subject, status, body):
        with lock:
            acks.write(json.dumps({"kind": kind, "subject": subject, "status": status, "body": body}) + "\n")
            acks.flush()

    cut = []
    failures = []

    # Each worker has its own sessions, so requests are in flight together when a kill lands.
    sessions = [
        [Session(base, f"{who}@demo.passerelle.ma") for who in ("committee", "admin", "finance")]
        for _ in range(WORKERS)
    ]
    for session in (s for worker_sessions in sessions for s in worker_sessions):
        for _ in range(300):
            session.sign_in_once()
            if session.logged_in:
                break
            time.sleep(0.2)
        if not session.logged_in:
            raise SystemExit(f"{session.email} could not sign in: {session.sign_in_once()}")
    open(ready_file, "w").close()

    def worker(share, chair, admin, finance):
        try:
            for plan in share:
                run_plan(plan, chair, admin, finance, ack)
        except SystemExit as error:
            failures.append(str(error))
        with lock:
            cut.append(chair.cut + admin.cut + finance.cut)

    threads = [threading.Thread(target=worker, args=(plans[i::WORKERS], *sessions[i]))
               for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit("; ".join(failures))
    print(f"driver: {len(plans)} plans approved, {2 * len(plans)} tranches released and paid; "
          f"{sum(cut)} requests cut by a crash and sent again with their key")


def run_plan(plan, chair, admin, finance, ack):
    status, body = chair.call(
        "/api/committee/decide",
        {"plan": plan, "outcome": "approved", "amount": "10000", "justification": "Crash test."},
    )
    # A decision retried after a crash that had committed it finds the plan approved.
    if status == 200:
        ack("decide", plan, status, body)
    elif not (status == 422 and "plan_is" in body):
        raise SystemExit(f"decide {plan}: {status} {body}")
    for number in (1, 2):
        tranche = lookup_tranche(admin, plan, number)
        status, body = admin.call(
            "/api/money/release",
            {"tranche": tranche, "key": f"crash-release-{plan}-{number}",
             "method": "mobile_money"},
        )
        if status != 200:
            raise SystemExit(f"release {tranche}: {status} {body}")
        ack("release", tranche, status, body)
        status, body = finance.call(
            "/api/money/settle",
            {"tranche": tranche, "key": f"crash-confirm-{plan}-{number}",
             "outcome": "paid", "note": f"T{tranche}"},
        )
        if status != 200:
            raise SystemExit(f"confirm {tranche}: {status} {body}")
        ack("confirm", tranche, status, body)


def lookup_tranche(admin, plan, number):
    status, body = admin.call("/api/money/plan", {"plan": plan})
    if status != 200:
        raise SystemExit(f"plan money {plan}: {status} {body}")
    for line in json.loads(body)["tranches"]:
        if line["number"] == number:
            return line["id"]
    raise SystemExit(f"plan {plan} has no tranche {number}")


if __name__ == "__main__":
    main()
