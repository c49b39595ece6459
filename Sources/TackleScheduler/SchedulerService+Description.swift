extension SchedulerService: CustomStringConvertible {
    /// A short name for logs: service-lifecycle logs every service as `"\(service)"`, which for a
    /// plain struct would print every stored property, loggers and connection string included.
    /// The database is shown through ``TackleStore/DatabaseLocation``'s description, which redacts
    /// any password.
    ///
    /// `SchedulerService(instance: plant-a:4711, reports: /var/lib/tackle/reports, database: ...)`.
    public var description: String {
        "SchedulerService(instance: \(publisher.instance), reports: \(publisher.files.directory), database: \(location))"
    }
}
