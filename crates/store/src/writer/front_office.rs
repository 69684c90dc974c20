//! The front office: applications of the four kinds (or the refusal to accept them), scans, sending
//! to the Commission, the holder's notices and complaints.

use super::*;

impl<'a> Writer<'a> {
    /// Registers a complete application (App 2 p.8). Incomplete or expired documents are refused
    /// with [`StoreError::IncompleteDocuments`]; the registrar then records a refusal to accept.
    pub fn register_application(&mut self, app: &NewApplication) -> Result<CaseId> {
        let actor = self.permit(Action::RegisterApplication)?;
        let p = self.prepare(app)?;
        if !p.missing.is_empty() || !p.expired.is_empty() {
            return Err(StoreError::IncompleteDocuments {
                missing: p.missing.iter().map(|d| d.as_str().to_string()).collect(),
                expired: p.expired.iter().map(|d| d.as_str().to_string()).collect(),
            });
        }
        let id = self.insert_case(app, &p, CaseStatus::Registered)?;
        self.audit(
            &actor,
            Action::RegisterApplication,
            "case",
            id,
            None,
            Some(self.case_json(id)?),
        )?;
        Ok(CaseId(id))
    }

    /// Records the refusal to accept an application whose documents are incomplete or expired
    /// (App 2 p.9). Refused when the documents are in fact complete.
    pub fn refuse_acceptance(&mut self, app: &NewApplication, note: &str) -> Result<CaseId> {
        let actor = self.permit(Action::RefuseAcceptance)?;
        let p = self.prepare(app)?;
        if p.missing.is_empty() && p.expired.is_empty() {
            return Err(StoreError::Invalid {
                field: "documents",
                detail: "complete".into(),
            });
        }
        let id = self.insert_case(app, &p, CaseStatus::NotAccepted)?;
        let names = |v: &[DocumentKind]| {
            json!(v.iter().map(|d| d.as_str()).collect::<Vec<_>>()).to_string()
        };
        self.tx.execute(
            "INSERT INTO acceptance_refusals (case_id, missing, expired, note) VALUES (?1, ?2, ?3, ?4)",
            params![id, names(&p.missing), names(&p.expired), note],
        )?;
        let mut after = self.case_json(id)?;
        after["refusal"] = json!({"missing": p.missing, "expired": p.expired, "note": note, "cite": p.rs.documents.refuse_acceptance_cite});
        self.audit(
            &actor,
            Action::RefuseAcceptance,
            "case",
            id,
            None,
            Some(after),
        )?;
        Ok(CaseId(id))
    }

    fn prepare(&self, app: &NewApplication) -> Result<Prepared<'a>> {
        let cal = &self.law.calendar;
        // What the law means as the past cannot be in the future: an application is received
        // before it is registered, a contract concluded, a change or a loss happened before it.
        // The fields' refusals are gathered, so the form shows them all at once.
        let received = app.received_at.date();
        let mut refused: Vec<(&'static str, StoreError)> = Vec::new();
        if app.received_at > self.now {
            refused.push(("received_at", invalid("received_at", "future")));
        }
        if self.law.lists.profession(&app.profession_id).is_none() {
            refused.push((
                "profession_id",
                StoreError::Invalid {
                    field: "profession_id",
                    detail: app.profession_id.clone(),
                },
            ));
        }
        if let ApplicantRef::New(a) = &app.applicant {
            refused.extend(applicant_refusals(a, received));
        }
        if app.event_on.is_some_and(|d| d > received) {
            refused.push(("event_on", invalid("event_on", "application")));
        }
        if let Some(e) = &app.employer {
            // Rules p.17: the extension follows a contract already concluded.
            if e.contract_from > received {
                refused.push(("contract_from", invalid("contract_from", "future")));
            }
        }
        StoreError::gathered(refused)?;
        let registered_on =
            registration::registration_date(cal, app.received_at, &office_hours(self.tx)?)?;
        let rs = self.law.rule_sets.in_force_on(registered_on)?;
        // App 2 p.8: the checklist of this service under this version.
        let presented: Vec<intake::Presented> = app
            .documents
            .iter()
            .map(|d| intake::Presented {
                kind: d.kind,
                present: d.present,
                valid_until: d.valid_until,
            })
            .collect();
        let intake::Completeness { missing, expired } =
            intake::completeness(rs, app.kind, &presented, registered_on);

        let certificate = match (app.kind, app.certificate) {
            (Service::Issue, None) => None,
            (Service::Issue, Some(_)) => {
                return Err(StoreError::Invalid {
                    field: "certificate",
                    detail: "not_for_issue".into(),
                })
            }
            (_, None) => {
                return Err(StoreError::Invalid {
                    field: "certificate",
                    detail: "required".into(),
                })
            }
            (_, Some(id)) => {
                let c = load_cert(self.tx, id.0)?;
                if c.status != CertificateStatus::Valid {
                    return Err(StoreError::CertificateNotValid {
                        number: c.number,
                        date: registered_on.to_string(),
                    });
                }
                match &app.applicant {
                    ApplicantRef::Existing(a) if a.0 != c.applicant_id => {
                        return Err(StoreError::Invalid {
                            field: "applicant",
                            detail: "not_holder".into(),
                        })
                    }
                    ApplicantRef::New(_) if app.kind != Service::Reissue => {
                        return Err(StoreError::Invalid {
                            field: "applicant",
                            detail: "holder_on_file".into(),
                        })
                    }
                    _ => {}
                }
                // The certificate is for one profession; its later services keep it.
                if c.profession_id != app.profession_id {
                    return Err(StoreError::Invalid {
                        field: "profession_id",
                        detail: "other_profession".into(),
                    });
                }
                Some(c)
            }
        };
        // Rules p.17, p.19, p.22: an extension, and a reissue on a change of employer, name the
        // employer and contract; a reissue names one of this version's grounds.
        let employer_needed = intake::employer_needed(rs, app.kind, app.change_ground)
            .map_err(|r| invalid(r.field, r.reason))?;
        if employer_needed {
            let e = app.employer.as_ref().ok_or(StoreError::Invalid {
                field: "employer",
                detail: "required".into(),
            })?;
            non_empty("employer_name", &e.name)?;
            check_bin(&e.bin)?;
            if e.contract_to < e.contract_from {
                return Err(anyqtama_rules::RulesError::EndBeforeStart {
                    start: e.contract_from,
                    end: e.contract_to,
                }
                .into());
            }
        }
        let event_on = app.event_on.or(if app.kind == Service::Extend {
            app.employer.as_ref().map(|e| e.contract_from)
        } else {
            None
        });
        // The applicant's own term (p.17, p.22, p.22-1): lateness is flagged, not refused.
        let filed_late = intake::filed_late(rs, cal, app.kind, event_on, registered_on)?;
        Ok(Prepared {
            registered_on,
            rs,
            missing,
            expired,
            filed_late,
            certificate,
        })
    }

    fn insert_case(
        &mut self,
        app: &NewApplication,
        p: &Prepared<'_>,
        status: CaseStatus,
    ) -> Result<i64> {
        let applicant_id = match &app.applicant {
            ApplicantRef::Existing(id) => self
                .tx
                .query_row("SELECT id FROM applicants WHERE id = ?1", [id.0], |r| {
                    r.get::<_, i64>(0)
                })
                .optional()?
                .ok_or_else(|| StoreError::NotFound {
                    what: "applicant",
                    id: id.to_string(),
                })?,
            ApplicantRef::New(a) => insert_applicant(self.tx, a)?,
        };
        let e = app.employer.as_ref();
        let event_on = app.event_on.or(if app.kind == Service::Extend {
            e.map(|e| e.contract_from)
        } else {
            None
        });
        self.tx.execute(
            "INSERT INTO cases (kind, status, applicant_id, received_at, registered_on, rule_set, profession_id,
                certificate_id, employer_name, employer_bin, contract_from, contract_to, change_ground, event_on,
                filed_late, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                app.kind.as_str(),
                status.as_str(),
                applicant_id,
                app.received_at,
                p.registered_on,
                p.rs.id.as_str(),
                app.profession_id,
                p.certificate.as_ref().map(|c| c.id),
                e.map(|e| e.name.clone()),
                e.map(|e| e.bin.clone()),
                e.map(|e| e.contract_from),
                e.map(|e| e.contract_to),
                app.change_ground.map(|g| serde_json::to_value(g).unwrap().as_str().unwrap().to_string()),
                event_on,
                p.filed_late,
                self.session.user_id.0,
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        for d in &app.documents {
            self.tx.execute(
                "INSERT INTO case_documents (case_id, kind, present, valid_until) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(case_id, kind) DO UPDATE SET present = excluded.present, valid_until = excluded.valid_until",
                params![id, d.kind.as_str(), d.present, d.valid_until],
            )?;
        }
        search::refresh(self.tx, id)?;
        Ok(id)
    }

    fn case_json(&self, id: i64) -> Result<serde_json::Value> {
        Ok(self.tx.query_row(
            "SELECT json_object('id', id, 'kind', kind, 'status', status, 'applicant_id', applicant_id,
                'received_at', received_at, 'registered_on', registered_on, 'rule_set', rule_set,
                'profession_id', profession_id, 'certificate_id', certificate_id, 'employer_name', employer_name,
                'employer_bin', employer_bin, 'contract_from', contract_from, 'contract_to', contract_to,
                'change_ground', change_ground, 'event_on', event_on, 'filed_late', filed_late,
                'sent_to_commission_on', sent_to_commission_on, 'decided_on', decided_on,
                'result_certificate_id', result_certificate_id)
             FROM cases WHERE id = ?1",
            [id],
            |r| r.get::<_, String>(0),
        )
        .map(|s| serde_json::from_str(&s).expect("SQLite makes valid JSON"))?)
    }

    /// Keeps a scan with its SHA-256 while the case is open.
    pub fn attach_scan(
        &mut self,
        case: CaseId,
        kind: Option<DocumentKind>,
        file_name: &str,
        media_type: &str,
        content: &[u8],
    ) -> Result<i64> {
        let actor = self.permit(Action::AttachScan)?;
        let c = load_case(self.tx, case.0)?;
        lifecycle::check(c.id, c.kind, c.status, Action::AttachScan, false)?;
        non_empty("file_name", file_name)?;
        if content.is_empty() || content.len() > MAX_ATTACHMENT {
            return Err(StoreError::Invalid {
                field: "content",
                detail: "size".into(),
            });
        }
        let sha = hex::encode(Sha256::digest(content));
        self.tx.execute(
            "INSERT INTO attachments (case_id, document_kind, file_name, media_type, sha256, size, content, added_at, added_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![case.0, kind.map(|k| k.as_str()), file_name, media_type, sha, content.len() as i64, content, self.now, self.session.user_id.0],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(&actor, Action::AttachScan, "attachment", id, None, Some(json!({"case_id": case.0, "file_name": file_name, "sha256": sha, "size": content.len()})))?;
        Ok(id)
    }

    /// Sends complete documents of an issue case to the Commission (Rules p.7).
    pub fn send_to_commission(&mut self, case: CaseId) -> Result<()> {
        let actor = self.permit(Action::SendToCommission)?;
        let c = load_case(self.tx, case.0)?;
        let next = lifecycle::check(c.id, c.kind, c.status, Action::SendToCommission, false)?;
        self.tx.execute(
            "UPDATE cases SET status = ?1, sent_to_commission_on = ?2 WHERE id = ?3",
            params![next.as_str(), self.today(), c.id],
        )?;
        self.audit(
            &actor,
            Action::SendToCommission,
            "case",
            c.id,
            Some(json!({"status": c.status})),
            Some(json!({"status": next, "sent_to_commission_on": self.today()})),
        )
    }

    /// Records a notice of the holder: change of employer (p.18) or termination of the contract
    /// (p.20), due within 5 working days of the event; lateness is flagged.
    pub fn record_notification(
        &mut self,
        certificate: CertificateId,
        kind: NotificationKind,
        event_on: NaiveDate,
        received_at: NaiveDateTime,
        note: &str,
    ) -> Result<NotificationId> {
        let actor = self.permit(Action::RecordNotification)?;
        let cert = load_cert(self.tx, certificate.0)?;
        let cal = &self.law.calendar;
        let received_on =
            registration::registration_date(cal, received_at, &office_hours(self.tx)?)?;
        if event_on > received_on {
            return Err(StoreError::Invalid {
                field: "event_on",
                detail: "notice".into(),
            });
        }
        let rs = self.law.rule_sets.in_force_on(received_on)?;
        let term = match kind {
            NotificationKind::EmployerChange => &rs.applicant_terms.employer_change_notice,
            NotificationKind::ContractTermination => &rs.applicant_terms.termination_notice,
        };
        let due = deadlines::applicant_due(cal, event_on, term.value)?;
        let late = received_on > due;
        self.tx.execute(
            "INSERT INTO notifications (certificate_id, kind, event_on, received_on, due_on, late, note, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![cert.id, kind.as_str(), event_on, received_on, due, late, note, self.session.user_id.0],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            &actor,
            Action::RecordNotification,
            "notification",
            id,
            None,
            Some(json!({"certificate": cert.number, "kind": kind, "event_on": event_on, "received_on": received_on, "due_on": due, "late": late, "cite": term.cite})),
        )?;
        Ok(NotificationId(id))
    }

    /// Registers a complaint with its chapter 3 deadlines.
    pub fn register_complaint(
        &mut self,
        case: Option<CaseId>,
        addressee: ComplaintAddressee,
        received_at: NaiveDateTime,
        summary: &str,
    ) -> Result<ComplaintId> {
        let actor = self.permit(Action::RegisterComplaint)?;
        non_empty("summary", summary)?;
        if let Some(c) = case {
            load_case(self.tx, c.0)?;
        }
        let cal = &self.law.calendar;
        let registered_on =
            registration::registration_date(cal, received_at, &office_hours(self.tx)?)?;
        let rs = self.law.rule_sets.in_force_on(registered_on)?;
        // p.24: the body whose decision is appealed forwards the complaint within 3 working days
        // unless it satisfies it; p.25: the LEB considers it in 5 working days; p.26: 15.
        let forward_due = match (addressee, &rs.terms.complaint_forward) {
            (ComplaintAddressee::Leb, Some(t)) => {
                Some(cal.add_working_days(registered_on, t.value)?)
            }
            _ => None,
        };
        let review = match addressee {
            ComplaintAddressee::Leb => &rs.terms.complaint_review_leb,
            ComplaintAddressee::QualityBody => &rs.terms.complaint_review_quality_body,
        };
        let review_due = cal.add_working_days(registered_on, review.value)?;
        self.tx.execute(
            "INSERT INTO complaints (case_id, addressee, received_at, registered_on, forward_due, review_due, status, summary)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7)",
            params![case.map(|c| c.0), addressee.as_str(), received_at, registered_on, forward_due, review_due, summary],
        )?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            &actor,
            Action::RegisterComplaint,
            "complaint",
            id,
            None,
            Some(json!({"case_id": case, "addressee": addressee, "registered_on": registered_on, "forward_due": forward_due, "review_due": review_due, "cite": review.cite})),
        )?;
        Ok(ComplaintId(id))
    }
}
