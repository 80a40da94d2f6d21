#!/usr/bin/env python3
"""Renders chat templates with Jinja2 the way transformers' apply_chat_template sets it up, writing the goldens
that tests/KannadaKit.Generation.Tests/ChatTemplateGoldenTests.cs compares our engine with.

Templates: our own (tests/KannadaKit.Generation.Tests/Fixtures/chat-templates/*.jinja) and the real ones in the
@lenml tokenizer packages' tokenizer_config.json (tools/tokenizer-fixtures/node_modules, from `npm ci` there); the
real template text is not copied into the repository, only its SHA-256 and the rendered outputs.

Needs Debian's python3-jinja2 (apt-get install python3-jinja2). Run from the repository root:
    python3 tools/chat-templates/make-goldens.py
"""
import hashlib
import json
import os
import sys
from datetime import datetime

from jinja2 import ext
from jinja2.exceptions import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OWN = os.path.join(ROOT, "tests", "KannadaKit.Generation.Tests", "Fixtures", "chat-templates")
NPM = os.path.join(ROOT, "tools", "tokenizer-fixtures", "node_modules", "@lenml")
OUT = os.path.join(OWN, "goldens.jsonl")

# Our own Kannada conversations (written for these tests).
CONVERSATIONS = {
    "system-first": [
        {"role": "system", "content": "ನೀವು ಸಹಾಯಕ. ಕನ್ನಡದಲ್ಲಿ ಉತ್ತರಿಸಿ."},
        {"role": "user", "content": "ಬೆಂಗಳೂರು ಎಲ್ಲಿದೆ? "},
        {"role": "assistant", "content": " ಕರ್ನಾಟಕದಲ್ಲಿ.\n"},
        {"role": "user", "content": "ಧನ್ಯವಾದ"},
    ],
    "user-only": [{"role": "user", "content": "ಕನ್ನಡ ಭಾಷೆಯ ಲಿಪಿ ಯಾವುದು?"}],
    "alternating": [
        {"role": "user", "content": "ನಮಸ್ಕಾರ"},
        {"role": "assistant", "content": "ನಮಸ್ಕಾರ! ಹೇಗಿದ್ದೀರಿ?"},
        {"role": "user", "content": "ಚೆನ್ನಾಗಿದ್ದೇನೆ,\nನೀವು?"},
    ],
}


class Raised(Exception):
    pass


def raise_exception(message):
    raise Raised(message)


def tojson(value, indent=None):
    # transformers' tojson: no ASCII escaping, keys in their order.
    return json.dumps(value, ensure_ascii=False, indent=indent)


def environment():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    return env


def templates():
    for name in sorted(os.listdir(OWN)):
        if name.endswith(".jinja"):
            with open(os.path.join(OWN, name), encoding="utf-8") as f:
                text = f.read()
            yield "own:" + name, text[:-1] if text.endswith("\n") else text
    if not os.path.isdir(NPM):
        sys.exit(f"{NPM} is missing: run `npm ci` in tools/tokenizer-fixtures first")
    for package in sorted(os.listdir(NPM)):
        config = os.path.join(NPM, package, "models", "tokenizer_config.json")
        if os.path.exists(config):
            with open(config, encoding="utf-8") as f:
                template = json.load(f).get("chat_template")
            if isinstance(template, str):
                yield "npm:@lenml/" + package, template


def main():
    env = environment()
    rows = []
    for name, source in templates():
        template = env.from_string(source)
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
        for conversation, messages in CONVERSATIONS.items():
            for prompt in (True, False):
                row = {"template": name, "sha256": digest, "conversation": conversation, "add_generation_prompt": prompt}
                try:
                    row["output"] = template.render(messages=messages, add_generation_prompt=prompt, bos_token="<s>", eos_token="</s>")
                except (Raised, TemplateError) as e:
                    row["error"] = str(e)
                rows.append(row)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(json.dumps({"conversations": CONVERSATIONS}, ensure_ascii=False) + "\n")
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} goldens to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
