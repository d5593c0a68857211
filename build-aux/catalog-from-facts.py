#!/usr/bin/env python3
# catalog-from-facts.py
#
# Copyright 2026 The Open 1688 Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Converts the research notes on real 1688 APIs (1688-api-facts.json, kept outside
# the repository with the project's design notes) into data/catalog/apis.json in the
# schema documented in data/catalog/README.md. The JSON is committed; this script
# records how it was made:
#
#   python3 build-aux/catalog-from-facts.py 1688-api-facts.json > data/catalog/apis.json
#
# Nothing is invented: a field the facts do not have is left out, and an API whose
# parameter table the facts do not have is shipped with "params_known": false.

import json
import re
import sys

URL_RE = re.compile(r'^https://gw\.open\.1688\.com/openapi/([a-z0-9]+)/(\d+)/([^/\s]+)/([^/\s]+)/\{appKey\}(.*)$')

# Where a source is only the solution overview (a title and a one-line summary), the
# empty "params" of the facts means "not extracted", not "no parameters".
OVERVIEW_SOURCE = 'Natawat-d/1688_Platform 1688-api-docs/OVERVIEW'


def fail(api, message):
    sys.exit('%s:%s-%s: %s' % (api.get('namespace'), api.get('name'), api.get('version'), message))


def convert_required(api, param):
    required = param['required']
    if required is True or required is False:
        return required, None
    if required == 'uncertain':
        return 'uncertain', None
    if isinstance(required, str) and required.startswith('for '):
        return 'conditional', required
    fail(api, 'parameter %s: unknown "required" value %r' % (param['name'], required))


def convert_param(api, param):
    out = {'name': param['name'], 'type': param['type']}
    out['required'], note = convert_required(api, param)
    if note:
        out['required_note'] = note
    for key in ('description_zh', 'description_en', 'example'):
        value = param.get(key)
        if value:
            out[key] = value
    return out


def params_known(api):
    if api['params']:
        return True
    if 'params_status' in api:
        return False
    return not api['source'].startswith(OVERVIEW_SOURCE)


def convert_api(api):
    notes = []
    out = {
        'namespace': api['namespace'],
        'name': api['name'],
        'version': api['version'],
        'title_zh': api['title_zh'],
    }
    if api.get('title_en'):
        out['title_en'] = api['title_en']
    description = api.get('description_zh') or api.get('description_zh_summary')
    if description:
        out['description_zh'] = description

    m = URL_RE.match(api['url'])
    if not m:
        fail(api, 'unexpected URL %r' % api['url'])
    protocol, version, namespace, name, rest = m.groups()
    if (int(version), namespace, name) != (api['version'], api['namespace'], api['name']):
        fail(api, 'URL %r does not match the API' % api['url'])
    if protocol != 'param2':
        out['protocol'] = protocol
    if rest.strip():
        notes.append('URL: ' + rest.strip())

    if api.get('needs_access_token') is not None:
        out['needs_access_token'] = api['needs_access_token']
    if api.get('needs_signature') is not None:
        out['needs_signature'] = api['needs_signature']

    out['params_known'] = params_known(api)
    if out['params_known']:
        out['params'] = [convert_param(api, p) for p in api['params']]

    sample = api.get('sample_response')
    if sample is not None:
        if isinstance(sample, dict) and '_note' in sample:
            sample = dict(sample)
            notes.append('Sample response: ' + sample.pop('_note'))
        out['sample_response'] = json.dumps(sample, ensure_ascii=False, indent=2)

    if api.get('notes'):
        notes.insert(0, api['notes'])
    if notes:
        out['notes'] = '\n'.join(notes)
    out['source'] = api['source']
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: catalog-from-facts.py 1688-api-facts.json > data/catalog/apis.json')
    with open(sys.argv[1], encoding='utf-8') as f:
        facts = json.load(f)

    apis = [convert_api(api) for api in facts]
    ids = set()
    for api in apis:
        api_id = '%s:%s-%d' % (api['namespace'], api['name'], api['version'])
        if api_id in ids:
            sys.exit('duplicate API %s' % api_id)
        ids.add(api_id)
        if not api['params_known']:
            print('title only: %s' % api_id, file=sys.stderr)

    catalog = {'format_version': 1, 'apis': apis}
    json.dump(catalog, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
