/**
 * The encoding of a signature value, checked before the maths. A signature is a BIT STRING with no unused
 * bits (RFC 5280 §4.1.1.3, RFC 2986 §4); for ECDSA its contents are the DER of
 *
 * ```asn
 * Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }      -- RFC 3279 §2.2.3, RFC 5480 §2.2
 * ```
 * pkijs converts that SEQUENCE to the raw r‖s WebCrypto wants without looking at its tag, so a damaged
 * signature can still "verify" there while openssl rejects it. Every signature check in src/pki calls
 * this first so the lab and openssl agree.
 */
import * as asn1js from 'asn1js';
import { bytesEqual } from './encode';

const ECDSA_SIGNATURE_PREFIX = '1.2.840.10045.4.';

/** A universal, primitive INTEGER (tag 0x02) — asn1js makes ENUMERATED (0x0A) an Integer subclass too. */
function isDerPositiveInteger(block: asn1js.AsnType): boolean {
  if (!(block instanceof asn1js.Integer)) return false;
  const id = block.idBlock;
  if (id.tagClass !== 1 || id.tagNumber !== 2 || id.isConstructed) return false;
  const v = block.valueBlock.valueHexView;
  if (v.length === 0 || v[0] & 0x80) return false;
  return !(v.length > 1 && v[0] === 0 && v[1] < 0x80);
}

/** Why the signature value is malformed, or undefined when its encoding is sound. */
export function signatureEncodingProblem(signatureAlgorithmOid: string, signature: asn1js.BitString): string | undefined {
  const bytes = signature.valueBlock.valueHexView;
  if (bytes.length === 0) return 'the signature is empty';
  if (signature.valueBlock.unusedBits !== 0) return 'the signature BIT STRING has unused bits';
  if (!signatureAlgorithmOid.startsWith(ECDSA_SIGNATURE_PREFIX)) return undefined;
  // asn1js types a block by tag number alone, so 0x10 (a primitive 16) would pass for a SEQUENCE
  if (bytes[0] !== 0x30) return 'the ECDSA signature is not a DER SEQUENCE';
  let parsed;
  try {
    parsed = asn1js.fromBER(bytes);
  } catch {
    return 'the ECDSA signature is not DER';
  }
  if (parsed.offset !== bytes.length || !(parsed.result instanceof asn1js.Sequence)) {
    return 'the ECDSA signature is not a DER SEQUENCE';
  }
  const parts = parsed.result.valueBlock.value;
  if (parts.length !== 2 || !parts.every(isDerPositiveInteger)) {
    return 'the ECDSA signature is not two positive DER INTEGERs';
  }
  // rebuilt from fresh blocks, so lengths come out minimal: any other length form was not DER
  const canonical = new asn1js.Sequence({
    value: parts.map((p) => new asn1js.Integer({ valueHex: (p as asn1js.Integer).valueBlock.valueHexView.slice() })),
  });
  const reencoded = new Uint8Array(canonical.toBER(false));
  if (!bytesEqual(reencoded, bytes)) return 'the ECDSA signature is not DER';
  return undefined;
}
