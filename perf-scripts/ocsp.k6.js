// k6 load script for the v2gpki OCSP responder (k6 is not installable on the build machine: the script is
// checked with `node --check` and the load figures come from wrk; see compare.sh).
//
// usage: k6 run -e BASE_URL=http://127.0.0.1:8080/ -e REQ_DIR=var/demo/certs/requests perf-scripts/ocsp.k6.js
//
// Scenarios (constant-arrival-rate: the offered load does not drop when the server slows down):
//   cached_get       GET /{base64} of a good certificate's request (RFC 5019 §5), cacheable answer
//   post             POST / of the same request (raw DER body, binary via open(file, 'b'))
//   sha256_certid    POST of a request whose CertID uses SHA-256 (one pre-signed response answers both)
//   unknown_issuer   POST for an issuer we do not serve → unsigned 'unauthorized' (HTTP 200)
//   never_issued     POST for a serial the issuer never issued → extended-revoked, live-signed, rate-limited
//                    (tryLater over the bound: counted as correct, not as an error)
//   revoked_just_now POST for a certificate revoked during the run (its fresh response says revoked)
// Thresholds: p99 latency per scenario and the rate of correct answers.
//
// Request files (DER, as made by `openssl ocsp -reqout` or the demo): REQ_DIR/<name>.req with the names
// good.req, good-sha256.req, unknown-issuer.req, never-issued.req, revoked.req (override with -e NAME_<SCENARIO>=...).
import http from 'k6/http';
import { check } from 'k6';
import encoding from 'k6/encoding';
import { Rate } from 'k6/metrics';

const BASE = (__ENV.BASE_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
const DIR = __ENV.REQ_DIR || 'var/demo/certs/requests';
const RATE = parseInt(__ENV.RATE || '2000', 10);
const DURATION = __ENV.DURATION || '30s';

function request(name, fallback) {
  return open(`${DIR}/${__ENV[name] || fallback}`, 'b');
}

// open() runs in the init context, once per VU.
const good = request('NAME_GOOD', 'good.req');
const goodSha256 = request('NAME_SHA256', 'good-sha256.req');
const unknownIssuer = request('NAME_UNKNOWN_ISSUER', 'unknown-issuer.req');
const neverIssued = request('NAME_NEVER_ISSUED', 'never-issued.req');
const revoked = request('NAME_REVOKED', 'revoked.req');
const goodGetPath = BASE + encodeURIComponent(encoding.b64encode(good, 'std'));

export const correct = new Rate('ocsp_correct');

function scenario(exec, rate) {
  return {
    executor: 'constant-arrival-rate',
    exec,
    rate,
    timeUnit: '1s',
    duration: DURATION,
    preAllocatedVUs: 32,
    maxVUs: 256,
  };
}

export const options = {
  discardResponseBodies: false,
  scenarios: {
    cached_get: scenario('cachedGet', RATE),
    post: scenario('post', RATE),
    sha256_certid: scenario('sha256CertId', Math.ceil(RATE / 4)),
    unknown_issuer: scenario('unknownIssuer', Math.ceil(RATE / 20)),
    never_issued: scenario('neverIssued', Math.ceil(RATE / 20)),
    revoked_just_now: scenario('revokedJustNow', Math.ceil(RATE / 20)),
  },
  thresholds: {
    'http_req_duration{scenario:cached_get}': ['p(99)<2'],
    'http_req_duration{scenario:post}': ['p(99)<2'],
    'http_req_duration{scenario:sha256_certid}': ['p(99)<2'],
    'http_req_duration{scenario:unknown_issuer}': ['p(99)<2'],
    'http_req_duration{scenario:never_issued}': ['p(99)<50'],
    'http_req_duration{scenario:revoked_just_now}': ['p(99)<2'],
    ocsp_correct: ['rate>0.999'],
    http_req_failed: ['rate<0.001'],
  },
};

const postParams = { headers: { 'Content-Type': 'application/ocsp-request' }, responseType: 'binary' };

// OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, ... }: the status is the byte after "0A 01".
function responseStatus(res) {
  const body = new Uint8Array(res.body || new ArrayBuffer(0));
  for (let i = 0; i + 2 < Math.min(body.length, 8); i++) {
    if (body[i] === 0x0a && body[i + 1] === 0x01) {
      return body[i + 2];
    }
  }
  return -1;
}

// A signed response carries the certStatus of its SingleResponse: good [0] = 0x80 0x00, revoked [1] = 0xA1.
function hasTag(res, tag) {
  return new Uint8Array(res.body || new ArrayBuffer(0)).indexOf(tag) >= 0;
}

function verdict(res, expectations) {
  const ok = check(res, Object.assign({
    'HTTP 200': (r) => r.status === 200,
    'application/ocsp-response': (r) => (r.headers['Content-Type'] || '').startsWith('application/ocsp-response'),
  }, expectations));
  correct.add(ok);
}

export function cachedGet() {
  const res = http.get(goodGetPath, { responseType: 'binary' });
  verdict(res, {
    successful: (r) => responseStatus(r) === 0,
    'Cache-Control max-age': (r) => /max-age=\d+/.test(r.headers['Cache-Control'] || ''),
    ETag: (r) => !!r.headers['Etag'] || !!r.headers['ETag'],
  });
}

export function post() {
  verdict(http.post(BASE, good, postParams), { successful: (r) => responseStatus(r) === 0 });
}

export function sha256CertId() {
  verdict(http.post(BASE, goodSha256, postParams), { successful: (r) => responseStatus(r) === 0 });
}

export function unknownIssuer() {
  verdict(http.post(BASE, unknownIssuer, postParams), { unauthorized: (r) => responseStatus(r) === 6 });
}

export function neverIssued() {
  // extended-revoked (signed, revoked) or tryLater when the rate-limited slow path is over its bound.
  verdict(http.post(BASE, neverIssued, postParams), {
    'revoked or tryLater': (r) => (responseStatus(r) === 0 && hasTag(r, 0xa1)) || responseStatus(r) === 3,
  });
}

export function revokedJustNow() {
  verdict(http.post(BASE, revoked, postParams), {
    'successful, revoked': (r) => responseStatus(r) === 0 && hasTag(r, 0xa1),
  });
}
