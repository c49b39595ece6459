/// Whether `actual` is within `tolerance` of `expected`.
///
/// Published values are printed to a few decimals, so a test states the precision it checks.
func isClose(_ actual: Double?, _ expected: Double, within tolerance: Double) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance
}

/// Whether `actual` rounds to `printed` at the precision `printed` was printed with:
/// `matches(3.0987, printed: 3.10, decimals: 2)`.
func matches(_ actual: Double?, printed: Double, decimals: Int) -> Bool {
    var halfUnit = 0.5
    for _ in 0..<decimals { halfUnit /= 10 }
    // A hair of slack for the binary representation of the printed value.
    return isClose(actual, printed, within: halfUnit * (1 + 1e-9))
}
