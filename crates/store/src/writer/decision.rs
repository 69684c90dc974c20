//! The head (signatory): decisions and the certificates they produce, revocation, complaints
//! resolved, and the record of every print.

use super::*;

impl<'a> Writer<'a> {
    /// The LEB's decision (Rules p.11, p.16, p.22, p.22-1). Issuing makes or changes the certificate.
    ///
    /// A refusal of the service is a *reasoned* refusal on the grounds of App 2 p.9 (App 2 p.5): it
    /// names at least one ground and its written justification. A first issue is refused on the
    /// Commission's grounds, to which the head may add subp.1 or 3 with a reason (a departure); it is
    /// never issued while a ground holds. Extension, reissue and duplicate have no points: their
    /// refusal rests on subp.1 or 3. `chosen_end` lets the official choose an earlier end for a first
    /// issue (RULES.md §6.5).
    pub fn decide(
        &mut self,
        case: CaseId,
        outcome: Outcome,
        grounds: &[RefusalGround],
        reason: Option<&str>,
        chosen_end: Option<NaiveDate>,
    ) -> Result<Option<CertificateId>> {
        let actor = self.permit(Action::Decide)?;
        // A decision is the signatory's act: taken only with the office key their password
        // unlocked, so its event is signed and an issued certificate sealed (issue 12).
        if self.session.seal_key.is_none() {
            return Err(StoreError::SealLocked);
        }
        let c = load_case(self.tx, case.0)?;
        let next = lifecycle::check(
            c.id,
            c.kind,
            c.status,
            Action::Decide,
            outcome == Outcome::Issue,
        )?;
        let reason = reason.map(str::trim).filter(|s| !s.is_empty());
        let today = self.today();
        // A decision cannot come before the registration it decides on (App 2 p.7: what arrives
        // after hours or on a day off is registered on the next working day).
        if today < c.registered_on {
            return Err(StoreError::Invalid {
                field: "decided_on",
                detail: c.registered_on.to_string(),
            });
        }
        let rs = self.rule_set(&c.rule_set)?;
        // The Commission's grounds (a first issue only: the other services have no assessment).
        let commission: Vec<RefusalGround> = if c.kind == Service::Issue {
            let text: String = self.tx.query_row(
                "SELECT refusal_grounds FROM assessments WHERE case_id = ?1",
                [c.id],
                |r| r.get(0),
            )?;
            serde_json::from_str(&text).map_err(|e| StoreError::Invalid {
                field: "refusal_grounds",
                detail: e.to_string(),
            })?
        } else {
            Vec::new()
        };
        let mut effective = commission.clone();
        let (departs, grounds) = match outcome {
            Outcome::Issue => {
                // App 2 p.9: never issue while a ground holds.
                if !commission.is_empty() {
                    return Err(StoreError::GroundsHold {
                        subparagraphs: anyqtama_rules::points::subparagraphs(&commission),
                    });
                }
                if let Some(g) = grounds.first() {
                    return Err(StoreError::GroundNotApplicable {
                        subparagraph: g.subparagraph(),
                    });
                }
                (false, effective)
            }
            Outcome::Refuse => {
                for g in grounds {
                    // The threshold is shown only by the Commission's points (App 2 p.9 subp.2).
                    if !g.applies_to(c.kind)
                        || (*g == RefusalGround::BelowThreshold && !commission.contains(g))
                    {
                        return Err(StoreError::GroundNotApplicable {
                            subparagraph: g.subparagraph(),
                        });
                    }
                    if !effective.contains(g) {
                        effective.push(*g);
                    }
                }
                effective.sort();
                if effective.is_empty() {
                    return Err(StoreError::GroundRequired);
                }
                // Refusing what the Commission recommended to issue is a departure.
                let departs = c.kind == Service::Issue && commission.is_empty();
                // App 2 p.5: reasoned. The Commission's points justify subp.2 by themselves, and its
                // written note justifies its own subp.1/3 findings; anything the head adds needs the
                // head's reason.
                let added = effective.iter().any(|g| !commission.contains(g));
                if added && reason.is_none() {
                    return Err(StoreError::ReasonRequired);
                }
                (departs, effective)
            }
        };
        let certificate = if outcome == Outcome::Issue {
            Some(self.produce_certificate(&c, rs, today, chosen_end)?)
        } else {
            None
        };
        self.tx.execute(
            "INSERT INTO decisions (case_id, outcome, decided_on, refusal_grounds, reason, departs, decided_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![c.id, outcome.as_str(), today, json!(grounds).to_string(), reason, departs, self.session.user_id.0],
        )?;
        self.tx.execute(
            "UPDATE cases SET status = ?1, decided_on = ?2, result_certificate_id = ?3 WHERE id = ?4",
            params![next.as_str(), today, certificate, c.id],
        )?;
        search::refresh(self.tx, c.id)?;
        let cert_json = match certificate {
            Some(id) => {
                // Issue 12: sealed now, by the decision, and stored with it; a print embeds it.
                let seal = self.seal(id)?;
                let r = load_cert(self.tx, id)?;
                json!({"id": r.id, "number": r.number, "copy": r.copy, "valid_from": r.valid_from, "valid_to": r.valid_to, "seal": seal})
            }
            None => serde_json::Value::Null,
        };
        self.audit(
            &actor,
            Action::Decide,
            "case",
            c.id,
            Some(json!({"status": c.status})),
            Some(json!({"status": next, "outcome": outcome, "decided_on": today, "refusal_grounds": grounds, "reason": reason, "departs": departs, "certificate": cert_json})),
        )?;
        Ok(certificate.map(CertificateId))
    }

    /// Seals a certificate as it now stands (number, copy, dates, holder, profession) with the
    /// office's key as the deciding signatory unlocked it with their password, in this
    /// transaction, recording who decided. Returns the seal (the QR payload).
    fn seal(&mut self, id: i64) -> Result<String> {
        let key = self
            .session
            .seal_key
            .as_ref()
            .ok_or(StoreError::SealLocked)?
            .signing()
            .clone();
        crate::seal::store_seal(self.tx, id, &key, Some(self.session.user_id.0))
    }

    fn produce_certificate(
        &mut self,
        c: &CaseRow,
        rs: &RuleSet,
        today: NaiveDate,
        chosen_end: Option<NaiveDate>,
    ) -> Result<i64> {
        let insert = |tx: &Transaction<'_>,
                      number: &str,
                      copy: i64,
                      applicant: i64,
                      v: Validity,
                      replaces: Option<i64>|
         -> Result<i64> {
            tx.execute(
                "INSERT INTO certificates (number, copy, case_id, applicant_id, profession_id, issued_on, valid_from, valid_to, status, replaces_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'valid', ?9)",
                params![number, copy, c.id, applicant, c.profession_id, today, v.from, v.to, replaces],
            )?;
            Ok(tx.last_insert_rowid())
        };
        let current = |tx: &Transaction<'_>| -> Result<CertRow> {
            let cert = load_cert(tx, c.certificate_id.expect("checked at registration"))?;
            if cert.status != CertificateStatus::Valid || cert.valid_to < today {
                return Err(StoreError::CertificateNotValid {
                    number: cert.number,
                    date: today.to_string(),
                });
            }
            Ok(cert)
        };
        match c.kind {
            Service::Issue => {
                // Rules p.15: at most three months.
                let v = validity::issue(rs, today, chosen_end)?;
                let number = numbering::allocate(self.tx, today.year())?;
                insert(self.tx, number.as_str(), 0, c.applicant_id, v, None)
            }
            Service::Extend => {
                // Rules p.16: for the contract's term, at most three years. Same number.
                let cert = current(self.tx)?;
                let e = c.employer.as_ref().expect("checked at registration");
                let v = validity::extension(rs, today, e.contract_to)?;
                self.tx.execute(
                    "UPDATE certificates SET valid_to = ?1 WHERE id = ?2",
                    params![v.to, cert.id],
                )?;
                self.tx.execute(
                    "INSERT INTO extensions (certificate_id, case_id, employer_name, employer_bin, contract_from, contract_to, previous_valid_to, valid_from, valid_to)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![cert.id, c.id, e.name, e.bin, e.contract_from, e.contract_to, cert.valid_to, v.from, v.to],
                )?;
                Ok(cert.id)
            }
            Service::Reissue => {
                // Rules p.22: a new number; the original's end date is kept, or the new contract's
                // end when the employer changed and it is earlier (p.19, p.16; RULES.md §6.6).
                let cert = current(self.tx)?;
                let new_contract_end = match c.change_ground.as_deref() {
                    Some("employer_change") => c.employer.as_ref().map(|e| e.contract_to),
                    _ => None,
                };
                let v = validity::reissue(
                    today,
                    Validity {
                        from: cert.valid_from,
                        to: cert.valid_to,
                    },
                    new_contract_end,
                )?;
                let number = numbering::allocate(self.tx, today.year())?;
                let id = insert(
                    self.tx,
                    number.as_str(),
                    0,
                    c.applicant_id,
                    v,
                    Some(cert.id),
                )?;
                self.tx.execute("UPDATE certificates SET status = 'superseded', invalid_from = ?1 WHERE id = ?2", params![today, cert.id])?;
                Ok(id)
            }
            Service::Duplicate => {
                // Rules p.22-1: same number, marked as a duplicate, valid to the original's end; the
                // original is invalid from the day the duplicate was applied for.
                let cert = current(self.tx)?;
                let out = validity::duplicate(
                    c.registered_on,
                    today,
                    Validity {
                        from: cert.valid_from,
                        to: cert.valid_to,
                    },
                )?;
                let copy: i64 = self.tx.query_row(
                    "SELECT max(copy) + 1 FROM certificates WHERE number = ?1",
                    [&cert.number],
                    |r| r.get(0),
                )?;
                let id = insert(
                    self.tx,
                    &cert.number,
                    copy,
                    cert.applicant_id,
                    out.duplicate,
                    None,
                )?;
                self.tx.execute(
                    "UPDATE certificates SET status = 'replaced', invalid_from = ?1 WHERE id = ?2",
                    params![out.original_invalid_from, cert.id],
                )?;
                Ok(id)
            }
        }
    }

    /// Revokes a certificate on the act of a control body (Rules p.21).
    pub fn revoke(&mut self, certificate: CertificateId, act: &RevocationAct) -> Result<()> {
        let actor = self.permit(Action::Revoke)?;
        non_empty("body", &act.body)?;
        non_empty("act_number", &act.number)?;
        let cert = load_cert(self.tx, certificate.0)?;
        if cert.status != CertificateStatus::Valid {
            return Err(StoreError::CertificateNotValid {
                number: cert.number,
                date: self.today().to_string(),
            });
        }
        if act.date > self.today() {
            return Err(StoreError::Invalid {
                field: "act_date",
                detail: "future".into(),
            });
        }
        self.tx.execute(
            "UPDATE certificates SET status = 'revoked', invalid_from = ?1 WHERE id = ?2",
            params![self.today(), cert.id],
        )?;
        self.tx.execute(
            "INSERT INTO revocations (certificate_id, body, act_number, act_date, revoked_on, revoked_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![cert.id, act.body, act.number, act.date, self.today(), self.session.user_id.0],
        )?;
        self.audit(
            &actor,
            Action::Revoke,
            "certificate",
            cert.id,
            Some(json!({"number": cert.number, "status": cert.status})),
            Some(json!({"status": "revoked", "act": act, "revoked_on": self.today()})),
        )
    }

    /// Closes a complaint: satisfied, forwarded to the reviewing body, or rejected.
    pub fn resolve_complaint(
        &mut self,
        id: ComplaintId,
        status: ComplaintStatus,
        outcome: &str,
    ) -> Result<()> {
        let actor = self.permit(Action::ResolveComplaint)?;
        non_empty("outcome", outcome)?;
        if status == ComplaintStatus::Open {
            return Err(StoreError::Invalid {
                field: "status",
                detail: "open".into(),
            });
        }
        let current: String = self
            .tx
            .query_row("SELECT status FROM complaints WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "complaint",
                id: id.to_string(),
            })?;
        if current != "open" {
            return Err(StoreError::Invalid {
                field: "status",
                detail: "resolved".into(),
            });
        }
        self.tx.execute(
            "UPDATE complaints SET status = ?1, resolved_on = ?2, outcome = ?3 WHERE id = ?4",
            params![status.as_str(), self.today(), outcome, id.0],
        )?;
        self.audit(
            &actor,
            Action::ResolveComplaint,
            "complaint",
            id.0,
            Some(json!({"status": current})),
            Some(json!({"status": status, "outcome": outcome})),
        )
    }

    /// Records a real print of a document (drafts are not recorded): which, in which language, how
    /// many copies (issue 4).
    pub fn record_print(
        &mut self,
        document: &str,
        id: &str,
        lang: &str,
        copies: u32,
    ) -> Result<()> {
        let actor = self.permit(Action::Print)?;
        if copies == 0 || copies > 100 {
            return Err(StoreError::Invalid {
                field: "copies",
                detail: copies.to_string(),
            });
        }
        self.audit(
            &actor,
            Action::Print,
            document,
            id,
            None,
            Some(json!({"document": document, "id": id, "lang": lang, "copies": copies})),
        )
    }
}
