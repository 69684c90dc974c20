//! The Commission's secretary: sittings and the assessment of each applicant (Rules p.6, p.10).

use super::*;

impl<'a> Writer<'a> {
    /// A Commission sitting with the members present (Rules p.9: the protocol is signed by them).
    pub fn create_sitting(
        &mut self,
        held_on: NaiveDate,
        place: &str,
        members: &[(MemberId, bool)],
    ) -> Result<SittingId> {
        let actor = self.permit(Action::CreateSitting)?;
        all_of(vec![
            ("place", non_empty("place", place)),
            (
                "members",
                if members.iter().any(|(_, present)| *present) {
                    Ok(())
                } else {
                    Err(invalid("members", "none_present"))
                },
            ),
        ])?;
        self.tx.execute(
            "INSERT INTO sittings (held_on, place, created_by) VALUES (?1, ?2, ?3)",
            params![held_on, place, self.session.user_id.0],
        )?;
        let id = self.tx.last_insert_rowid();
        for (m, present) in members {
            let active: Option<bool> = self
                .tx
                .query_row(
                    "SELECT active FROM commission_members WHERE id = ?1",
                    [m.0],
                    |r| r.get(0),
                )
                .optional()?;
            if active != Some(true) {
                return Err(StoreError::NotFound {
                    what: "commission member",
                    id: m.to_string(),
                });
            }
            self.tx.execute(
                "INSERT INTO sitting_members (sitting_id, member_id, present) VALUES (?1, ?2, ?3)",
                params![id, m.0, present],
            )?;
        }
        self.audit(&actor, Action::CreateSitting, "sitting", id, None, Some(json!({"held_on": held_on, "place": place, "members": members.iter().map(|(m, p)| json!([m.0, p])).collect::<Vec<_>>()})))?;
        Ok(SittingId(id))
    }

    /// The Commission's assessment and decision for one applicant (Rules p.9-10).
    ///
    /// The decision follows from the findings (RULES.md §6.2): the Commission departs from what the
    /// documents claim only by changing its findings — a period not accepted, a document found
    /// unreliable, the qualification not matching — and the points follow. `decision` is what the
    /// secretary records; it is refused when it is not what the findings give. A finding that grounds
    /// a refusal under App 2 p.9 subp.1 or 3 needs its written justification (`note`), which goes
    /// into the protocol and the audit trail.
    pub fn record_assessment(
        &mut self,
        case: CaseId,
        sitting: SittingId,
        input: &AssessmentInput,
        decision: Outcome,
        note: Option<&str>,
    ) -> Result<Recommendation> {
        let actor = self.permit(Action::RecordAssessment)?;
        let c = load_case(self.tx, case.0)?;
        let next = lifecycle::check(c.id, c.kind, c.status, Action::RecordAssessment, false)?;
        let held_on: NaiveDate = self
            .tx
            .query_row(
                "SELECT held_on FROM sittings WHERE id = ?1",
                [sitting.0],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "sitting",
                id: sitting.to_string(),
            })?;
        let rs = self.rule_set(&c.rule_set)?;
        let mut cites = Vec::new();
        // Rules p.10 subp.2: work done up to the registration date.
        let result = input.assess(rs, c.kind, c.registered_on, &mut cites)?;
        let recommended = Outcome::from(result.recommendation);
        let reason = note.map(str::trim).filter(|s| !s.is_empty());
        // App 2 p.9 grounds are mandatory: no issue while one holds, no refusal without one.
        if decision != recommended {
            return Err(StoreError::DecisionAgainstFindings {
                recommendation: recommended.as_str(),
            });
        }
        let written = result
            .refusal_grounds
            .iter()
            .any(|g| *g != RefusalGround::BelowThreshold);
        if written && reason.is_none() {
            return Err(StoreError::ReasonRequired);
        }
        self.tx.execute(
            "INSERT INTO assessments (case_id, sitting_id, rule_set, inputs, points, total, threshold, recommendation,
                refusal_grounds, commission_decision, departure_reason, decided_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                c.id,
                sitting.0,
                rs.id.as_str(),
                json!(input).to_string(),
                json!({"experience": result.experience, "points": result.points, "count": result.count}).to_string(),
                result.total.unwrap_or(0),
                result.threshold,
                recommended.as_str(),
                json!(result.refusal_grounds).to_string(),
                decision.as_str(),
                reason,
                held_on,
            ],
        )?;
        self.tx.execute(
            "UPDATE cases SET status = ?1 WHERE id = ?2",
            params![next.as_str(), c.id],
        )?;
        self.audit(
            &actor,
            Action::RecordAssessment,
            "case",
            c.id,
            Some(json!({"status": c.status})),
            Some(json!({"status": next, "sitting": sitting.0, "rule_set": rs.id, "inputs": input, "points": result.points, "total": result.total,
                "threshold": result.threshold, "recommendation": recommended, "refusal_grounds": result.refusal_grounds,
                "experience": result.count, "commission_decision": decision, "findings_note": reason, "citations": cites})),
        )?;
        Ok(result.recommendation)
    }
}
