import Testing

@testable import TackleDomain

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "matches the FIPS 180-4 test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            // CJK text hashes its UTF-8 bytes (value from coreutils sha256sum).
            ("板坯纵裂攻关", "72403fc7c81aa00ebe55db731d6f664cb0fade78e44a0d4d6855907fdbb00af9"),
        ]
    )
    func vectors(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test("a million 'a' (multi-block input)")
    func millionA() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(input) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("inputs around the 55/56/64-byte padding boundaries differ and are stable")
    func paddingBoundaries() {
        let digests = (54...66).map { SHA256.hex([UInt8](repeating: 0x61, count: $0)) }
        #expect(Set(digests).count == digests.count)
        // 56 bytes of 'a' (two-block padding case), known value.
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 56))
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"
        )
    }

    @Test("a digest fed in pieces of any size equals the digest of the whole")
    func streamed() {
        // 1,000 lines of an import file; reference from coreutils: `sha256sum` of the same bytes.
        let text = (1...1000).map { "BENCH-\($0 % 7),2026-01-\($0 % 28 + 10),\(300 + $0),\($0 % 15)\n" }.joined()
        let bytes = Array(text.utf8)
        for size in [1, 3, 55, 56, 63, 64, 65, 127, 1000, bytes.count] {
            var hasher = SHA256.Hasher()
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + size)
                bytes[offset..<end].withUnsafeBytes { hasher.update($0) }
                offset = end
            }
            #expect(hasher.finalizeHex() == SHA256.hex(bytes), "pieces of \(size)")
        }
        #expect(SHA256.hex(bytes) == "9915565487f4180ad5fb83cb89bfe509a69ec6a28660c8f71629c3591927a57c")
        #expect(SHA256.Hasher().finalizeHex() == SHA256.hex(""))
    }
}
