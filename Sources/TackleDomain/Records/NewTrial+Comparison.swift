extension NewTrial {
    /// Whether this trial holds exactly what `trial` records: a correction to it changes nothing.
    public func sameRecord(as trial: Trial) -> Bool {
        lever == trial.lever && hypothesis == trial.hypothesis && startedOn == trial.startedOn
            && endedOn == trial.endedOn && parameters == trial.parameters && conditions == trial.conditions
            && outcome == trial.outcome && heats == trial.heats && note == trial.note && conclusion == trial.conclusion
    }
}
