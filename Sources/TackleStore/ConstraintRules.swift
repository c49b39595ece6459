/// What each named constraint of the schema means to a user: the field it guards and the rule.
///
/// The store checks input before writing and gives precise messages; these are the backstop for
/// what only the database can see (two writers at once) or what a store check missed.
enum ConstraintRules {
    /// Rules raised by triggers with the offending values in the message, by the field they guard.
    static let detailed: [String: String] = [
        "trial_starts_after_opening": "from",
        "trial_ends_by_closing": "to",
        "tackle_actor_is_login": "actor",
        "assessment_rubric_in_order": "from",
        "published_report_not_future": "month",
    ]

    static let rules: [String: (field: String, rule: String)] = [
        "unit_code_key": ("code", "a unit with this code already exists"),
        "unit_code_format": ("code", "a unit code is 1-32 letters, digits, -, _ or ."),
        "unit_name_not_blank": ("name", "the name must not be empty"),
        "unit_kind_known": ("kind", "the kind is one of plant, work-area, section, party-branch"),
        "person_employee_no_key": ("employee number", "a person with this employee number already exists"),
        "person_employee_no_format": ("employee number", "an employee number is 1-32 letters, digits, - or _"),
        "person_name_not_blank": ("name", "the name must not be empty"),
        "person_login_key": ("login", "this database login is mapped to another person already"),
        "person_login_not_blank": ("login", "a login must not be blank; --login '' clears it"),
        "project_key_key": ("key", "a project with this key already exists"),
        "project_key_format": ("key", "a project key is 2-40 upper-case letters, digits, - or _"),
        "project_title_not_blank": ("title", "the title must not be empty"),
        "project_metric_not_blank": ("metric", "the metric name must not be empty"),
        "project_due_not_before_opened": ("due", "the due date must not be before the opening date"),
        "project_closed_not_before_opened": ("on", "a project cannot close before it opened"),
        "project_closed_iff_finished": (
            "status", "completed and cancelled projects, and only they, have a closing date"
        ),
        "project_baseline_counts": ("baseline", "the baseline needs 0 <= defective <= inspected and inspected > 0"),
        "project_baseline_period": ("baseline-period", "the baseline period must not end before it starts"),
        "project_target_rate_range": ("target", "the target rate must be at least 0% and below 100%"),
        "project_target_below_baseline": ("target", "the target rate must be below the baseline rate"),
        "project_status_transition": ("status", "the status lifecycle does not allow this change"),
        "project_baseline_needs_reason": (
            "reason", "the baseline of a project past proposal changes only with a reason"
        ),
        "member_current_key": ("person", "the person is already a current member of the project"),
        "member_role_known": ("role", "the role is one of leader, deputy, member, advisor"),
        "member_left_not_before_joined": ("on", "a member cannot leave before joining"),
        "milestone_title_not_blank": ("title", "the title must not be empty"),
        "trial_lever_not_blank": ("lever", "the lever must not be empty"),
        "trial_dates_ordered": ("to", "a trial cannot end before it starts"),
        "trial_counts_non_negative": ("inspected", "counts must not be negative"),
        "trial_defective_within_inspected": ("defective", "defective must not exceed inspected"),
        "trial_parameters_valid": ("param", "each parameter is name=number with a unit"),
        "trial_conditions_valid": (
            "cond", "each condition is name=value, its name as for a parameter and its value not blank"
        ),
        "observation_period_key": ("month", "figures for this period are already recorded; correct them instead"),
        "observation_counts_non_negative": ("inspected", "counts must not be negative"),
        "observation_defective_within_inspected": ("defective", "defective must not exceed inspected"),
    ]
}
