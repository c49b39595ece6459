/// What a trial did to the defect rate, judged against the baseline.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The trial's rate is lower than the baseline's, and the difference is significant.
    case better
    /// The data cannot tell the rates apart: either there is no change or too few items were
    /// inspected to see it.
    case noDetectableChange = "no-detectable-change"
    /// The trial's rate is higher than the baseline's, and the difference is significant.
    case worse

    /// Words for a report: `better`, `no detectable change`, `worse`.
    public var description: String {
        switch self {
        case .better: "better"
        case .noDetectableChange: "no detectable change"
        case .worse: "worse"
        }
    }
}
