/// A count of defective items out of the items inspected, such as 48 cracked slabs of 1500.
///
/// Rates are never the primary record: they are derived from counts so that confidence
/// intervals and tests stay possible. A `Proportion` always holds `0 <= defective <= inspected`;
/// the initialiser and decoding check it, and the counts cannot be changed afterwards.
public struct Proportion: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number of defective items, such as cracked slabs.
    public private(set) var defective: Int
    /// The number of items inspected.
    public private(set) var inspected: Int

    /// Creates a proportion from counts, checking them.
    ///
    /// - Parameters:
    ///   - defective: The number of defective items, at least 0.
    ///   - inspected: The number of items inspected, at least `defective`.
    /// - Throws: ``DomainError`` with code ``DomainError/Code/outOfRange`` when a count is
    ///   negative, or ``DomainError/Code/invalidValue`` when `defective` exceeds `inspected`.
    public init(defective: Int, inspected: Int) throws(DomainError) {
        guard defective >= 0 else {
            throw DomainError(.outOfRange, message: "defective (\(defective)) must not be negative")
        }
        guard inspected >= 0 else {
            throw DomainError(.outOfRange, message: "inspected (\(inspected)) must not be negative")
        }
        guard defective <= inspected else {
            throw DomainError(
                .invalidValue,
                message: "defective (\(defective)) must not exceed inspected (\(inspected))"
            )
        }
        self.init(unchecked: defective, inspected: inspected)
    }

    /// Creates a proportion from counts the caller has already checked.
    init(unchecked defective: Int, inspected: Int) {
        assert(defective >= 0 && defective <= inspected, "invalid proportion \(defective)/\(inspected)")
        self.defective = defective
        self.inspected = inspected
    }

    /// The defect rate, `defective / inspected`, or `nil` when nothing was inspected.
    public var rate: Double? {
        guard inspected > 0 else { return nil }
        return Double(defective) / Double(inspected)
    }

    /// The Wilson score interval of the rate.
    ///
    /// - Parameter confidence: The confidence level, strictly between 0 and 1.
    /// - Returns: The interval, within `0...1`, or `nil` when nothing was inspected or the
    ///   confidence level is out of range.
    public func wilsonInterval(confidence: Double = 0.95) -> ClosedRange<Double>? {
        Statistics.wilson(defective: defective, inspected: inspected, confidence: confidence)
    }

    /// The counts as users write them: `48/1500`.
    public var description: String { "\(defective)/\(inspected)" }

    /// The sum of several proportions, such as pooled trials of the same condition.
    ///
    /// - Parameter samples: The proportions to pool.
    /// - Returns: Total defective of total inspected; `0/0` for no samples.
    public static func pooled(_ samples: some Sequence<Proportion>) -> Proportion {
        var defective = 0
        var inspected = 0
        for sample in samples {
            defective += sample.defective
            inspected += sample.inspected
        }
        return Proportion(unchecked: defective, inspected: inspected)
    }

    private enum CodingKeys: String, CodingKey {
        case defective
        case inspected
    }

    /// Decodes a proportion and checks its counts, so a stored or sent value cannot smuggle in
    /// `defective > inspected`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.dataCorrupted` when the counts break a rule, or any error of
    ///   the decoder.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defective = try container.decode(Int.self, forKey: .defective)
        let inspected = try container.decode(Int.self, forKey: .inspected)
        do {
            try self.init(defective: defective, inspected: inspected)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .defective,
                in: container,
                debugDescription: error.description
            )
        }
    }
}
