"""A small SMTP server for the mail crash test (scripts/mail-crash-test.sh): it accepts every
message, appends its Message-ID to a file (flushed and synced before it answers, so what the
file holds was received), then waits a little before saying "250": a server killed in that
moment has had its message received without knowing it, the "cut" delivery that at-least-once
sends again.

    python3 scripts/smtp_sink.py PORT RECEIVED_FILE
"""

import os
import random
import socketserver
import sys
import threading

LOCK = threading.Lock()


class Session(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.say("220 sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode(errors="replace").strip().split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.say("250-sink")
                self.say("250 8BITMIME")
            elif verb == "DATA":
                self.say("354 go on")
                self.receive()
            elif verb == "QUIT":
                self.say("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.say("250 ok")

    def receive(self):
        message_id = "?"
        while True:
            line = self.rfile.readline()
            if not line:
                return  # cut before the end of the message: not received
            if line in (b".\r\n", b".\n"):
                break
            if line.lower().startswith(b"message-id:"):
                message_id = line.split(b":", 1)[1].strip().decode()
        with LOCK, open(sys.argv[2], "a") as received:
            received.write(message_id + "\n")
            received.flush()
            os.fsync(received.fileno())
        # The window in which a killed sender has had its message received, unknowingly.
        threading.Event().wait(random.uniform(0, 0.15))
        self.say("250 queued")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a sender killed mid-conversation: what this test is for


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Session).serve_forever()
