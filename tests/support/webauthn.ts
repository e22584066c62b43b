import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";
import { ORIGIN } from "./requests";

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_DATA = 0x40;

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest();

/**
 * A software passkey (ES256, "none" attestation), answering options the way a browser and an
 * authenticator together would: clientDataJSON, authenticator data, and a signature over
 * authenticatorData ‖ sha256(clientDataJSON).
 */
export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  counter: number;

  constructor(
    readonly options: { origin?: string; rpID?: string; userVerified?: boolean; startCounter?: number } = {},
  ) {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.counter = options.startCounter ?? 0;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private get origin() {
    return this.options.origin ?? ORIGIN;
  }

  private authenticatorData(flags: number, counter: number, attested?: Uint8Array): Buffer {
    const rpIdHash = sha256(this.options.rpID ?? new URL(this.origin).hostname);
    const counterBytes = Buffer.alloc(4);
    counterBytes.writeUInt32BE(counter);
    const uv = this.options.userVerified === false ? 0 : FLAG_USER_VERIFIED;
    return Buffer.concat([rpIdHash, Buffer.from([flags | FLAG_USER_PRESENT | uv]), counterBytes, ...(attested ? [attested] : [])]);
  }

  private coseKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: "jwk" });
    return encodeCBOR(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  /** The answer to creation options (`PublicKeyCredentialCreationOptionsJSON`). */
  register(options: { challenge: string }) {
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, this.coseKey()]);
    const authData = this.authenticatorData(FLAG_ATTESTED_DATA, this.counter, attested);
    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ["fmt", "none"],
        ["attStmt", new Map<string, CBORType>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /** The answer to request options; the counter goes up by one unless `counter` says otherwise. */
  assert(options: { challenge: string }, { counter }: { counter?: number } = {}) {
    this.counter = counter ?? this.counter + 1;
    const authData = this.authenticatorData(0, this.counter);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }
}
