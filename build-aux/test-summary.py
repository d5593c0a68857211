#!/usr/bin/env python3
"""Prints 'N passed, N failed, N skipped' from meson's test logs; exits 1 on failure or no test."""
import json
import os
import sys

passed = failed = skipped = 0
for builddir in sys.argv[1:]:
    log = os.path.join(builddir, 'meson-logs', 'testlog.json')
    if not os.path.exists(log):
        print(f'test-summary: no test log in {builddir}', file=sys.stderr)
        failed += 1
        continue
    with open(log, encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            result = json.loads(line).get('result')
            if result in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            elif result == 'SKIP':
                skipped += 1
            else:
                failed += 1

print(f'{passed} passed, {failed} failed, {skipped} skipped')
sys.exit(1 if failed or passed == 0 else 0)
