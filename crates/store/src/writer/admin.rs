//! The administrator: users and roles, the office and its hours, the law as data (a rule set's
//! date, the calendar's transfers), the numbering, the Commission's members.

use super::*;

impl<'a> Writer<'a> {
    pub fn create_user(
        &mut self,
        login: &str,
        full_name: &str,
        password: &str,
        roles: &[Role],
        lang: &str,
    ) -> Result<UserId> {
        let actor = self.permit(Action::ManageUsers)?;
        let exists: bool = self.tx.query_row(
            "SELECT count(*) FROM users WHERE login = ?1",
            [login],
            |r| r.get::<_, i64>(0),
        )? > 0;
        all_of(vec![
            (
                "login",
                check_login(login).and_then(|()| {
                    if exists {
                        Err(invalid("login", "taken"))
                    } else {
                        Ok(())
                    }
                }),
            ),
            ("full_name", non_empty("full_name", full_name)),
            ("password", crate::check_password(password)),
            (
                "roles",
                if roles.is_empty() {
                    Err(invalid("roles", "none"))
                } else {
                    Ok(())
                },
            ),
            (
                "lang",
                if ["kk", "ru", "en"].contains(&lang) {
                    Ok(())
                } else {
                    Err(invalid("lang", lang))
                },
            ),
        ])?;
        let hash = crate::hash_password(password)?;
        self.tx.execute("INSERT INTO users (login, full_name, password_hash, lang, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", params![login, full_name, hash, lang, self.now])?;
        let id = self.tx.last_insert_rowid();
        for r in roles {
            self.tx.execute(
                "INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)",
                params![id, r.as_str()],
            )?;
        }
        // A new signatory gets a key of their own under the password just set, vouched for by
        // the administrator's unlocked key (issue 12).
        let slot = match (&self.session.seal_key, crate::keys::seals(roles)) {
            (Some(admin), true) => Some(
                crate::keys::make_key(self.tx, admin, id, password, &actor, self.now, Some(admin))?
                    .fingerprint(),
            ),
            _ => None,
        };
        self.audit(
            &actor,
            Action::ManageUsers,
            "user",
            id,
            None,
            Some(json!({"login": login, "full_name": full_name, "roles": roles, "lang": lang, "key_slot": slot})),
        )?;
        Ok(UserId(id))
    }

    pub fn set_roles(&mut self, user: UserId, roles: &[Role]) -> Result<()> {
        let actor = self.permit(Action::ManageUsers)?;
        let before: Vec<String> = {
            let mut s = self
                .tx
                .prepare("SELECT role FROM user_roles WHERE user_id = ?1 ORDER BY role")?;
            let v = s
                .query_map([user.0], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            v
        };
        self.tx
            .query_row("SELECT id FROM users WHERE id = ?1", [user.0], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "user",
                id: user.to_string(),
            })?;
        self.tx
            .execute("DELETE FROM user_roles WHERE user_id = ?1", [user.0])?;
        for r in roles {
            self.tx.execute(
                "INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)",
                params![user.0, r.as_str()],
            )?;
        }
        // Who no longer signs keeps no key: it is retired and its slot removed. (Who is given a
        // signing role gets a key when the administrator next sets their password.)
        if !crate::keys::seals(roles) {
            crate::keys::withdraw(self.tx, user.0, self.now)?;
        }
        self.audit(
            &actor,
            Action::ManageUsers,
            "user",
            user.0,
            Some(json!({"roles": before})),
            Some(json!({"roles": roles})),
        )
    }

    pub fn set_user_active(&mut self, user: UserId, active: bool) -> Result<()> {
        let actor = self.permit(Action::ManageUsers)?;
        if user == self.session.user_id && !active {
            return Err(StoreError::Invalid {
                field: "active",
                detail: "self".into(),
            });
        }
        let n = self.tx.execute(
            "UPDATE users SET active = ?1 WHERE id = ?2",
            params![active, user.0],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "user",
                id: user.to_string(),
            });
        }
        self.audit(
            &actor,
            Action::ManageUsers,
            "user",
            user.0,
            None,
            Some(json!({"active": active})),
        )
    }

    pub fn update_office(&mut self, office: &Office) -> Result<()> {
        let actor = self.permit(Action::ManageOffice)?;
        check_office(office)?;
        let before: String = self.tx.query_row(
            "SELECT json_object('code', code, 'name_kk', name_kk, 'name_ru', name_ru, 'name_en', name_en, 'region_kk', region_kk,
                'region_ru', region_ru, 'region_en', region_en, 'address', address) FROM office WHERE id = 1",
            [],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "UPDATE office SET code = ?1, name_kk = ?2, name_ru = ?3, name_en = ?4, region_kk = ?5, region_ru = ?6, region_en = ?7, address = ?8 WHERE id = 1",
            params![office.code, office.name_kk, office.name_ru, office.name_en, office.region_kk, office.region_ru, office.region_en, office.address],
        )?;
        self.audit(
            &actor,
            Action::ManageOffice,
            "office",
            1,
            Some(serde_json::from_str(&before).unwrap_or_default()),
            Some(json!(office)),
        )
    }

    pub fn set_office_hours(&mut self, open: &str, close: &str) -> Result<()> {
        let actor = self.permit(Action::ManageOffice)?;
        let hours = OfficeHours::parse(open, close)?;
        let before = office_hours(self.tx)?;
        self.tx.execute(
            "UPDATE office SET hours_open = ?1, hours_close = ?2 WHERE id = 1",
            params![open, close],
        )?;
        self.audit(
            &actor,
            Action::ManageOffice,
            "office",
            1,
            Some(json!(before)),
            Some(json!(hours)),
        )
    }

    /// Confirms the date a rule set came into force (order 426: its official publication), with the
    /// source. Applications are judged by the rule set in force on their registration date, so the
    /// date decides which rules later applications get; cases already registered keep theirs.
    pub fn set_rule_set_date(&mut self, id: &str, date: NaiveDate, source: &str) -> Result<()> {
        let actor = self.permit(Action::ManageOffice)?;
        non_empty("source", source)?;
        let mut sets = self.law.rule_sets.clone();
        let rid = sets.id(id)?;
        let before = sets.get(&rid).effective_from;
        sets.confirm_effective_from(&rid, date)?;
        self.tx.execute(
            "INSERT INTO rule_set_dates (rule_set, effective_from, source) VALUES (?1, ?2, ?3)
             ON CONFLICT (rule_set) DO UPDATE SET effective_from = ?2, source = ?3",
            params![id, date, source],
        )?;
        self.audit(
            &actor,
            Action::ManageOffice,
            "rule_set",
            id,
            Some(json!({"effective_from": before})),
            Some(json!({"effective_from": date, "source": source})),
        )
    }

    /// The calendar editor: a Government decree moves a day off to `day_off` (a weekday) and makes
    /// `working_day` (a weekend day) working. Checked like the shipped calendar before it is kept.
    pub fn add_calendar_transfer(
        &mut self,
        day_off: NaiveDate,
        working_day: NaiveDate,
        source: &str,
    ) -> Result<()> {
        let actor = self.permit(Action::ManageOffice)?;
        non_empty("source", source)?;
        self.law
            .calendar
            .with_transfer(day_off, working_day, source)?;
        self.tx.execute(
            "INSERT INTO calendar_transfers (day_off, working_day, source) VALUES (?1, ?2, ?3)",
            params![day_off, working_day, source],
        )?;
        self.audit(
            &actor,
            Action::ManageOffice,
            "calendar",
            day_off,
            None,
            Some(json!({"day_off": day_off, "working_day": working_day, "source": source})),
        )
    }

    /// The numbering pattern and the next number of a year (an office that numbered on paper goes on
    /// from where it stopped). Going back below a number already given is refused.
    pub fn set_numbering(&mut self, pattern: &str, year: i32, next: i64) -> Result<()> {
        let actor = self.permit(Action::ManageNumbering)?;
        numbering::check_pattern(pattern)?;
        let current = numbering::stored_next(self.tx, year)?;
        if next < 1 {
            // The message names the last number given (none yet: 0).
            return Err(StoreError::Invalid {
                field: "next",
                detail: current.map_or(0, |c| c - 1).to_string(),
            });
        }
        if current.is_some_and(|c| next < c) {
            return Err(StoreError::Invalid {
                field: "next",
                detail: (current.unwrap() - 1).to_string(),
            });
        }
        let before: String = self
            .tx
            .query_row("SELECT number_pattern FROM office WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(StoreError::NoOffice)?;
        self.tx.execute(
            "UPDATE office SET number_pattern = ?1 WHERE id = 1",
            [pattern],
        )?;
        self.tx.execute(
            "INSERT INTO number_sequences (year, next) VALUES (?1, ?2) ON CONFLICT(year) DO UPDATE SET next = excluded.next",
            params![year, next],
        )?;
        self.audit(
            &actor,
            Action::ManageNumbering,
            "numbering",
            year,
            Some(json!({"pattern": before, "next": current})),
            Some(json!({"pattern": pattern, "next": next})),
        )
    }

    pub fn add_commission_member(
        &mut self,
        full_name: &str,
        position: &str,
        organisation: &str,
    ) -> Result<MemberId> {
        let actor = self.permit(Action::ManageCommission)?;
        all_of(vec![
            ("full_name", non_empty("full_name", full_name)),
            ("organisation", non_empty("organisation", organisation)),
        ])?;
        self.tx.execute("INSERT INTO commission_members (full_name, position, organisation) VALUES (?1, ?2, ?3)", params![full_name, position, organisation])?;
        let id = self.tx.last_insert_rowid();
        self.audit(
            &actor,
            Action::ManageCommission,
            "commission_member",
            id,
            None,
            Some(
                json!({"full_name": full_name, "position": position, "organisation": organisation}),
            ),
        )?;
        Ok(MemberId(id))
    }

    /// The signed-in user changes their own password: the old one is asked again, and a
    /// signatory's key slot is re-encrypted under the new one (issue 12), so signing goes on.
    pub fn change_own_password(&mut self, old: &str, new: &str) -> Result<()> {
        let user = self.session.user_id.0;
        let hash: String = self.tx.query_row(
            "SELECT password_hash FROM users WHERE id = ?1",
            [user],
            |r| r.get(0),
        )?;
        if !crate::password_matches(&hash, old) {
            return Err(StoreError::BadCredentials);
        }
        let fresh = crate::hash_password(new)?;
        self.tx.execute(
            "UPDATE users SET password_hash = ?1 WHERE id = ?2",
            params![fresh, user],
        )?;
        // Their own choice now: a reset password no longer has to be changed.
        let was_reset = self
            .tx
            .execute("DELETE FROM password_expired WHERE user_id = ?1", [user])?
            > 0;
        let slot = match crate::keys::open_slot(self.tx, user, old)? {
            Some(key) => {
                crate::keys::write_slot(self.tx, user, new, &key, self.now)?;
                Some(key.fingerprint())
            }
            None => None,
        };
        let role = self
            .session
            .roles
            .first()
            .copied()
            .unwrap_or(Role::Registrar);
        let actor = crate::audit::Actor::user(self.session.user_id, &self.session.login, role);
        self.audit(
            &actor,
            Action::ManageUsers,
            "user",
            user,
            None,
            Some(json!({"password": "changed", "key_slot": slot, "after_reset": was_reset})),
        )?;
        Ok(())
    }

    /// The administrator sets a new password for a user who lost theirs. A signatory's key is
    /// rotated: a new one under the new password, vouched for by the administrator's own unlocked
    /// key; a user who no longer seals keeps none.
    pub fn reset_password(&mut self, user: UserId, new: &str) -> Result<()> {
        let actor = self.permit(Action::ManageUsers)?;
        let fresh = crate::hash_password(new)?;
        let changed = self.tx.execute(
            "UPDATE users SET password_hash = ?1 WHERE id = ?2",
            params![fresh, user.0],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "user",
                id: user.to_string(),
            });
        }
        // They choose their own at their next sign-in; a lockout ends with the reset.
        self.tx.execute(
            "INSERT OR REPLACE INTO password_expired (user_id, since) VALUES (?1, ?2)",
            params![user.0, self.now],
        )?;
        self.tx
            .execute("DELETE FROM sign_in_failures WHERE user_id = ?1", [user.0])?;
        let roles: Vec<Role> = self
            .tx
            .prepare("SELECT role FROM user_roles WHERE user_id = ?1")?
            .query_map([user.0], |r| r.get::<_, Role>(0))?
            .collect::<rusqlite::Result<_>>()?;
        // A signatory's old key is retired (what it sealed still verifies) and a new one made
        // under the new password, vouched for by the administrator's key: nobody else, however
        // they got the old password, signs with the new key.
        let slot = if crate::keys::seals(&roles) {
            let admin = self
                .session
                .seal_key
                .clone()
                .ok_or(StoreError::SealLocked)?;
            Some(
                crate::keys::make_key(
                    self.tx,
                    &admin,
                    user.0,
                    new,
                    &actor,
                    self.now,
                    Some(&admin),
                )?
                .fingerprint(),
            )
        } else {
            crate::keys::withdraw(self.tx, user.0, self.now)?;
            None
        };
        self.audit(
            &actor,
            Action::ManageUsers,
            "user",
            user.0,
            None,
            Some(json!({"password": "reset", "key_slot": slot, "must_change": true})),
        )?;
        Ok(())
    }
}
