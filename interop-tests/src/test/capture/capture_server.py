#!/usr/bin/python3
"""Tiny HTTP receiver for the SDP corpus capture.

Serves capture.html to a browser and writes every SDP the page POSTs to
<out>/<producer>/<name>.sdp byte for byte (CRLF kept). A POST to /done writes
<state>/.done-<producer> so that capture-corpus.sh knows the page finished.
Binds to 127.0.0.1 only.
"""
import argparse
import json
import os
import re
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


def make_handler(out_dir, state_dir):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, fmt, *args):
            sys.stderr.write("capture-server: " + (fmt % args) + "\n")

        def do_GET(self):
            if self.path.split("?")[0] != "/capture.html":
                self.send_error(404)
                return
            with open(os.path.join(HERE, "capture.html"), "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            msg = json.loads(self.rfile.read(length).decode("utf-8"))
            producer = msg["producer"]
            if not SAFE_NAME.match(producer):
                self.send_error(400)
                return
            if self.path == "/sdp":
                name = msg["name"]
                if not SAFE_NAME.match(name):
                    self.send_error(400)
                    return
                os.makedirs(os.path.join(out_dir, producer), exist_ok=True)
                # newline="" so Python writes the page's CRLF exactly as given.
                with open(os.path.join(out_dir, producer, name + ".sdp"), "w",
                          encoding="utf-8", newline="") as f:
                    f.write(msg["sdp"])
                sys.stderr.write("capture-server: wrote %s/%s.sdp\n" % (producer, name))
            elif self.path == "/done":
                with open(os.path.join(state_dir, ".done-" + producer), "w") as f:
                    f.write(json.dumps(msg))
            elif self.path == "/log":
                sys.stderr.write("page[%s]: %s\n" % (producer, msg.get("text")))
            else:
                self.send_error(404)
                return
            self.send_response(204)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()

    return Handler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--out", required=True, help="corpus root; SDPs go to <out>/<producer>/")
    ap.add_argument("--state", required=True, help="where the .done-<producer> markers go")
    args = ap.parse_args()
    HTTPServer(("127.0.0.1", args.port), make_handler(args.out, args.state)).serve_forever()


if __name__ == "__main__":
    main()
