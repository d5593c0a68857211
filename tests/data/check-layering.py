#!/usr/bin/env python3
"""Fails when a lower layer includes an upper layer's headers or a library it may not use.
Layers, bottom first: core, service, client, app; cli sits on core and client."""
import os
import re
import sys

top = sys.argv[1]
src = os.path.join(top, 'src')
allowed = {
    'core': {'core'},
    'service': {'core', 'service'},
    'client': {'core', 'service', 'client'},
    'app': {'core', 'service', 'client', 'app'},
    'cli': {'core', 'service', 'client', 'cli'},
}
forbidden_libs = {
    'core': ['gtk/', 'adwaita.h', 'libsoup/', 'libsecret/', 'sqlite3.h', 'gtksourceview/'],
    'service': ['gtk/', 'adwaita.h', 'libsecret/', 'gtksourceview/'],
    'client': ['gtk/', 'adwaita.h', 'sqlite3.h', 'gtksourceview/'],
    'cli': ['gtk/', 'adwaita.h', 'sqlite3.h', 'gtksourceview/'],
    'app': ['sqlite3.h'],
}

owner = {}
for layer in allowed:
    for root, _, files in os.walk(os.path.join(src, layer)):
        for name in files:
            if name.endswith('.h'):
                owner.setdefault(name, layer)

include = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
failures = []
checked = 0
for layer in allowed:
    for root, _, files in os.walk(os.path.join(src, layer)):
        for name in files:
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(root, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                text = f.read()
            for header in include.findall(text):
                checked += 1
                base = os.path.basename(header)
                if base in owner and owner[base] not in allowed[layer]:
                    failures.append(f'{os.path.relpath(path, top)} ({layer}) includes {header} from {owner[base]}')
                for lib in forbidden_libs[layer]:
                    if header.startswith(lib) or header == lib:
                        failures.append(f'{os.path.relpath(path, top)} ({layer}) includes {header}')

print(f'{checked} includes checked')
for failure in failures:
    print('FAIL:', failure)
sys.exit(1 if failures or checked == 0 else 0)
