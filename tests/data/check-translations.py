#!/usr/bin/env python3
"""The i18n checks: POTFILES.in is sorted and lists every file with translatable strings; zh_CN
has 0 untranslated and 0 fuzzy messages against a freshly extracted template; the desktop file
and metainfo carry the merged zh_CN text."""
import os
import re
import subprocess
import sys
import tempfile

top, desktop, metainfo = sys.argv[1:4]
failures = []

with open(os.path.join(top, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    listed = [l.strip() for l in f if l.strip() and not l.startswith('#')]

if listed != sorted(listed):
    failures.append('po/POTFILES.in is not sorted')
for path in listed:
    if not os.path.exists(os.path.join(top, path)):
        failures.append(f'po/POTFILES.in lists {path}, which does not exist')

marker = re.compile(r'(\b_|\bN_|\bC_|\bNC_|g_dngettext)\s*\(\s*"|translatable="yes"|<_?(summary|description|name|p|keyword)\b|^(Name|GenericName|Comment|Keywords)=')
wanted = []
for folder in ('src', 'data'):
    for root, _, files in os.walk(os.path.join(top, folder)):
        for name in files:
            if not name.endswith(('.c', '.ui', '.in', '.gschema.xml')):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, top)
            if rel.startswith('data/catalog'):
                continue
            with open(path, encoding='utf-8', errors='replace') as f:
                text = f.read()
            if name.endswith(('.c', '.ui')):
                found = re.search(r'(\b_|\bN_|\bC_|\bNC_|g_dngettext)\s*\(\s*"|translatable="yes"', text)
            else:
                found = True
            if found:
                wanted.append(rel)
for rel in sorted(set(wanted) - set(listed)):
    failures.append(f'{rel} has translatable strings but is not in po/POTFILES.in')

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'open1688.pot')
    subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '--keyword=_', '--keyword=N_',
                    '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3',
                    '--files-from=po/POTFILES.in', '--directory=' + top, '-o', pot],
                   check=True, cwd=top)
    merged = os.path.join(tmp, 'zh_CN.po')
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', os.path.join(top, 'po', 'zh_CN.po'), pot,
                    '-o', merged], check=True)
    stats = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', merged],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    print(stats.stderr.strip())
    if stats.returncode != 0:
        failures.append('msgfmt --check failed: ' + stats.stderr.strip())
    if 'untranslated' in stats.stderr or 'fuzzy' in stats.stderr:
        failures.append('zh_CN is incomplete: ' + stats.stderr.strip())
    total = subprocess.run(['msgfmt', '--statistics', '-o', '/dev/null', pot],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    print('template:', total.stderr.strip())

with open(desktop, encoding='utf-8') as f:
    if 'Name[zh_CN]=' not in f.read():
        failures.append('the built desktop file has no zh_CN name')
with open(metainfo, encoding='utf-8') as f:
    if 'xml:lang="zh_CN"' not in f.read():
        failures.append('the built metainfo has no zh_CN text')

for failure in failures:
    print('FAIL:', failure)
sys.exit(1 if failures else 0)
