import Foundation

/// Reads a Chromium net log (`--log-net-log`) for the requests a local page made.
///
/// The log holds every URL request the browser started, the page's and the browser's own (component
/// updates, translation lists, spelling dictionaries). A request started for a page loaded from a file is
/// keyed to the `file://` site (`network_isolation_key`), the browser's own to none or to its service's
/// site: the page's are those, whatever their scheme, other than `file:` and `data:` ones.
enum BrowserNetLog {
    /// The URLs a page loaded from a file asked for, in the order the browser started them.
    ///
    /// - Throws: when the log is missing or not JSON: Chromium writes it as it exits, so a browser that did
    ///   not exit cleanly has not checked anything.
    static func pageRequests(in log: URL) throws -> [String] {
        let data = try Data(contentsOf: log)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let constants = root["constants"] as? [String: Any],
            let types = constants["logEventTypes"] as? [String: Int],
            let startJob = types["URL_REQUEST_START_JOB"],
            let events = root["events"] as? [[String: Any]]
        else {
            throw ExternalTool.Failure(description: "the net log \(log.path) is not the JSON Chromium writes")
        }
        var urls: [String] = []
        for event in events where event["type"] as? Int == startJob {
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String,
                let key = params["network_isolation_key"] as? String, key.hasPrefix("file://")
            else { continue }
            if url.hasPrefix("file:") || url.hasPrefix("data:") { continue }
            urls.append(url)
        }
        return urls
    }
}
