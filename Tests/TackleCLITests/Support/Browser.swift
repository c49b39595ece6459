import Foundation

/// Headless Chromium, started once per action (dump the DOM and print a PDF, or take a screenshot) on a local
/// file.
///
/// Every run has a fresh profile, so that runs in parallel do not meet in one browser; resolves every host
/// name to "not found", so that nothing a page asks for leaves the machine; and records a net log, from which
/// `Run.requests` lists what the page asked the network for (the browser's own background requests are not
/// the page's and are left out). Chromium runs as root only without its sandbox: `--no-sandbox`.
struct Browser: Sendable {
    /// What one run did.
    struct Run: Sendable {
        /// How the browser ended, with what it printed (the DOM, for `dumpDOM`).
        var outcome: ExternalTool.Outcome
        /// The URLs the page asked the network for; a page of tackle's asks for none.
        var requests: [String]
    }

    /// How many browsers may run at once in the test process: a run is mostly waiting at first and then
    /// wants a core, and the checks of many pages start together.
    static let concurrentRuns = max(2, ProcessInfo.processInfo.activeProcessorCount + 1)
    private static let slots = DispatchSemaphore(value: concurrentRuns)

    /// The Chromium executable: `TACKLE_CHROMIUM`, else `chromium` on `PATH`.
    let chromium: ExternalTool
    /// The longest a run may take, in seconds, before its whole process group is killed.
    var timeout = 60

    /// Finds Chromium.
    ///
    /// - Throws: `ExternalTool.Failure` when it is not installed, naming the way to install it.
    init() throws {
        chromium = try ExternalTool.find("chromium", override: "TACKLE_CHROMIUM", package: "chromium")
    }

    /// Loads `page`, lets its scripts run and returns the DOM as it is then (`--dump-dom`); with `pdf`, the
    /// same run prints the page there, which saves starting a second browser.
    ///
    /// Virtual time runs the page's `load` handlers to the end before the dump, however slow the machine.
    /// The print is Chromium's print for a user, at the size and margins of the page's `@page` rule, without
    /// the header and footer (date, title, URL) it adds by default.
    func dumpDOM(of page: URL, width: Int, height: Int, printingTo pdf: URL? = nil, in directory: URL) throws -> Run {
        let printing = pdf.map { ["--no-pdf-header-footer", "--print-to-pdf=\($0.path)"] } ?? []
        return try run(
            ["--virtual-time-budget=1000", "--dump-dom"] + printing, page: page, width: width, height: height,
            in: directory)
    }

    /// Takes a PNG of the window, `width` by `height` CSS pixels at one device pixel each.
    ///
    /// Chromium shoots the window, not the whole page: for the whole page pass its `scrollHeight` as `height`.
    func screenshot(of page: URL, width: Int, height: Int, to png: URL, in directory: URL) throws -> Run {
        try run(
            ["--force-device-scale-factor=1", "--screenshot=\(png.path)"], page: page, width: width, height: height,
            in: directory)
    }

    private func run(_ action: [String], page: URL, width: Int, height: Int, in directory: URL) throws -> Run {
        let scratch = directory.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let netLog = scratch.appendingPathComponent("net-log.json")
        let arguments =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--log-net-log=\(netLog.path)",
                "--window-size=\(width),\(height)",
            ] + action + [page.absoluteString]
        Self.slots.wait()
        defer { Self.slots.signal() }
        let outcome = try chromium.succeed(arguments, timeout: timeout)
        return Run(outcome: outcome, requests: try BrowserNetLog.pageRequests(in: netLog))
    }
}
