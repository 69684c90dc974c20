//! Realistic synthetic data for newcomers and benchmarks: an office's history over several years,
//! cases of all four kinds, names in several scripts. Deterministic for a seed (and `now`).
//!
//! The history ends at `now`, never later, and always leaves the office's "today" with work on the
//! dashboard: steps due today, late steps, and certificates ending within two weeks, planned
//! relative to `now` so that a demo made on any day shows them.
//!
//! Nothing is written around the lifecycle: every step goes through the same [`Writer`] actions as
//! the window, as the right user, at the simulated time, in time order, so the audit chain,
//! deadlines, numbering and search are exactly what real use would produce.

use anyqtama_rules::iin::check_digit;
use anyqtama_rules::points::{Education, RefusalGround};
use anyqtama_rules::ruleset::ReissueGround;
use anyqtama_rules::{Calendar, Service};
use anyqtama_store::error::{Result, StoreError};
use anyqtama_store::model::*;
use anyqtama_store::writer::Writer;
use anyqtama_store::{queries, records, Session, Store};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

/// The password of every demo user (the README says so; a demo store is not for real work).
pub const DEMO_PASSWORD: &str = "anyqtama-demo";

#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub cases: usize,
    pub seed: u64,
    /// The end of the simulated history: nothing is dated later.
    pub now: NaiveDateTime,
    pub years: u32,
    /// Arrivals per transaction.
    pub batch: usize,
}

#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct DemoSummary {
    pub office_code: String,
    pub office: String,
    pub store_id: String,
    pub cases: i64,
    pub certificates: i64,
    pub open_cases: i64,
    pub users: Vec<String>,
    pub password: &'static str,
}

const REGIONS: &[(&str, &str, &str, &str)] = &[
    ("ALA", "Алматы қ.", "г. Алматы", "Almaty city"),
    ("AST", "Астана қ.", "г. Астана", "Astana city"),
    ("SHY", "Шымкент қ.", "г. Шымкент", "Shymkent city"),
    (
        "AKM",
        "Ақмола облысы",
        "Акмолинская область",
        "Akmola region",
    ),
    (
        "AKT",
        "Ақтөбе облысы",
        "Актюбинская область",
        "Aktobe region",
    ),
    (
        "ALO",
        "Алматы облысы",
        "Алматинская область",
        "Almaty region",
    ),
    (
        "ATR",
        "Атырау облысы",
        "Атырауская область",
        "Atyrau region",
    ),
    (
        "VKO",
        "Шығыс Қазақстан облысы",
        "Восточно-Казахстанская область",
        "East Kazakhstan region",
    ),
    (
        "ZHM",
        "Жамбыл облысы",
        "Жамбылская область",
        "Zhambyl region",
    ),
    (
        "ZKO",
        "Батыс Қазақстан облысы",
        "Западно-Казахстанская область",
        "West Kazakhstan region",
    ),
    (
        "KAR",
        "Қарағанды облысы",
        "Карагандинская область",
        "Karaganda region",
    ),
    (
        "KOS",
        "Қостанай облысы",
        "Костанайская область",
        "Kostanay region",
    ),
    (
        "KZO",
        "Қызылорда облысы",
        "Кызылординская область",
        "Kyzylorda region",
    ),
    (
        "MAN",
        "Маңғыстау облысы",
        "Мангистауская область",
        "Mangystau region",
    ),
    (
        "PAV",
        "Павлодар облысы",
        "Павлодарская область",
        "Pavlodar region",
    ),
    (
        "SKO",
        "Солтүстік Қазақстан облысы",
        "Северо-Казахстанская область",
        "North Kazakhstan region",
    ),
    (
        "TUR",
        "Түркістан облысы",
        "Туркестанская область",
        "Turkistan region",
    ),
    ("ABA", "Абай облысы", "область Абай", "Abai region"),
    ("ZHT", "Жетісу облысы", "область Жетісу", "Zhetisu region"),
    ("ULY", "Ұлытау облысы", "область Ұлытау", "Ulytau region"),
];

/// (citizenship, surnames as (male latin, male cyrillic, female latin, female cyrillic, native),
/// male given names (latin, cyrillic, native, patronymic), female given names).
type Surname = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);
type Given = (&'static str, &'static str, &'static str, &'static str);
/// A citizenship's surnames, men's and women's given names.
type People = (
    &'static str,
    &'static [Surname],
    &'static [Given],
    &'static [Given],
);
const PEOPLE: &[People] = &[
    (
        "CHN",
        &[
            ("WANG", "Ван", "WANG", "Ван", "王"),
            ("LI", "Ли", "LI", "Ли", "李"),
            ("ZHANG", "Чжан", "ZHANG", "Чжан", "张"),
            ("LIU", "Лю", "LIU", "Лю", "刘"),
            ("CHEN", "Чэнь", "CHEN", "Чэнь", "陈"),
        ],
        &[
            ("WEI", "Вэй", "伟", ""),
            ("LEI", "Лэй", "磊", ""),
            ("YONG", "Юн", "勇", ""),
        ],
        &[
            ("FANG", "Фан", "芳", ""),
            ("JING", "Цзин", "静", ""),
            ("XIU YING", "Сю Ин", "秀英", ""),
        ],
    ),
    (
        "KOR",
        &[
            ("KIM", "Ким", "KIM", "Ким", "김"),
            ("LEE", "Ли", "LEE", "Ли", "이"),
            ("PARK", "Пак", "PARK", "Пак", "박"),
            ("CHOI", "Чой", "CHOI", "Чой", "최"),
        ],
        &[
            ("MINJUN", "Минджун", "민준", ""),
            ("JIHO", "Джихо", "지호", ""),
        ],
        &[
            ("SEOYEON", "Соён", "서연", ""),
            ("JIWOO", "Джиу", "지우", ""),
        ],
    ),
    (
        "TUR",
        &[
            ("YILMAZ", "Йылмаз", "YILMAZ", "Йылмаз", ""),
            ("KAYA", "Кая", "KAYA", "Кая", ""),
            ("DEMIR", "Демир", "DEMIR", "Демир", ""),
            ("CELIK", "Челик", "CELIK", "Челик", ""),
        ],
        &[("MEHMET", "Мехмет", "", ""), ("EMRE", "Эмре", "", "")],
        &[("AYSE", "Айше", "", ""), ("ZEYNEP", "Зейнеп", "", "")],
    ),
    (
        "UZB",
        &[
            ("KARIMOV", "Каримов", "KARIMOVA", "Каримова", ""),
            ("RASHIDOV", "Рашидов", "RASHIDOVA", "Рашидова", ""),
            ("YUSUPOV", "Юсупов", "YUSUPOVA", "Юсупова", ""),
        ],
        &[
            ("AZIZ", "Азиз", "", "Рустамович"),
            ("BOBUR", "Бобур", "", "Алишерович"),
        ],
        &[
            ("DILNOZA", "Дильноза", "", "Бахтиёровна"),
            ("MALIKA", "Малика", "", "Тимуровна"),
        ],
    ),
    (
        "RUS",
        &[
            ("IVANOV", "Иванов", "IVANOVA", "Иванова", ""),
            ("KUZNETSOV", "Кузнецов", "KUZNETSOVA", "Кузнецова", ""),
            ("SOKOLOV", "Соколов", "SOKOLOVA", "Соколова", ""),
            ("LEBEDEV", "Лебедев", "LEBEDEVA", "Лебедева", ""),
        ],
        &[
            ("SERGEI", "Сергей", "", "Викторович"),
            ("DMITRII", "Дмитрий", "", "Андреевич"),
            ("ALEKSEI", "Алексей", "", "Петрович"),
        ],
        &[
            ("ANNA", "Анна", "", "Сергеевна"),
            ("OLGA", "Ольга", "", "Николаевна"),
            ("IULIIA", "Юлия", "", "Игоревна"),
        ],
    ),
    (
        "IND",
        &[
            ("SHARMA", "Шарма", "SHARMA", "Шарма", "शर्मा"),
            ("PATEL", "Патель", "PATEL", "Патель", "पटेल"),
            ("SINGH", "Сингх", "SINGH", "Сингх", "सिंह"),
        ],
        &[
            ("RAHUL", "Рахул", "राहुल", ""),
            ("ARJUN", "Арджун", "अर्जुन", ""),
        ],
        &[
            ("PRIYA", "Прия", "प्रिया", ""),
            ("ANANYA", "Ананья", "अनन्या", ""),
        ],
    ),
    (
        "DEU",
        &[
            ("MUELLER", "Мюллер", "MUELLER", "Мюллер", "Müller"),
            ("SCHMIDT", "Шмидт", "SCHMIDT", "Шмидт", ""),
            ("WEBER", "Вебер", "WEBER", "Вебер", ""),
        ],
        &[("JONAS", "Йонас", "", ""), ("FELIX", "Феликс", "", "")],
        &[("LENA", "Лена", "", ""), ("JULIA", "Юлия", "", "")],
    ),
    (
        "GEO",
        &[
            ("BERIDZE", "Беридзе", "BERIDZE", "Беридзе", "ბერიძე"),
            (
                "KAPANADZE",
                "Капанадзе",
                "KAPANADZE",
                "Капанадзе",
                "კაპანაძე",
            ),
        ],
        &[
            ("GIORGI", "Георгий", "გიორგი", ""),
            ("DAVIT", "Давид", "დავით", ""),
        ],
        &[
            ("NINO", "Нино", "ნინო", ""),
            ("TAMAR", "Тамара", "თამარ", ""),
        ],
    ),
    (
        "KGZ",
        &[
            ("ASANOV", "Асанов", "ASANOVA", "Асанова", ""),
            ("TOKTOGULOV", "Токтогулов", "TOKTOGULOVA", "Токтогулова", ""),
        ],
        &[
            ("NURLAN", "Нурлан", "", "Бакытович"),
            ("ERLAN", "Эрлан", "", "Маратович"),
        ],
        &[
            ("AIGUL", "Айгуль", "", "Асановна"),
            ("NAZIRA", "Назира", "", "Каныбековна"),
        ],
    ),
    (
        "XXA",
        &[
            ("PETROV", "Петров", "PETROVA", "Петрова", ""),
            ("GRIGORIAN", "Григорян", "GRIGORIAN", "Григорян", ""),
        ],
        &[("ARTUR", "Артур", "", "Ашотович")],
        &[("MARINA", "Марина", "", "Владимировна")],
    ),
];

const EMPLOYERS: &[&str] = &[
    "ТОО «Казах Софт Солюшнс»",
    "АО «КазМунайГаз Инжиниринг»",
    "ТОО «Алатау Медикал»",
    "ТОО «Астана Аэро Сервис»",
    "ТОО «Каспий Марин Инжиниринг»",
    "ТОО «Дала Металл»",
    "ТОО «Дата Центр Алатау»",
    "ГКП на ПХВ «Городская детская больница № 2»",
    "ТОО «КазХимТех»",
    "ТОО «Евразия Электро»",
];

/// The Commission's written justification of a finding against the applicant (App 2 p.9 subp.1, 3),
/// or of a period it does not accept.
const FINDING_NOTES: &[&str] = &[
    "Стаж по специальности подтверждён не полностью: часть периодов не относится к профессии из перечня.",
    "Диплом не прошёл признание (нострификацию); специальность по диплому не соответствует профессии из перечня.",
    "Печать в трудовой книжке принадлежит другой организации; ответ работодателя на запрос не получен.",
];

/// The head's reason when adding a ground of App 2 p.9 subp.3 or 1 (extension, reissue, duplicate).
/// `[0]` rests on subp.3 (documents or data unreliable), `[1]` on subp.1 (qualification).
const HEAD_REASONS: &[&str] = &[
    "Трудовой договор не подписан работодателем; данные о работодателе в заявлении не совпадают с договором.",
    "По трудовому договору заявитель принят на должность, не соответствующую профессии, указанной в справке.",
];

/// A case planned relative to `now` so that the dashboard shows every kind of item on any day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// An issue case left registered (its documents are due to the Commission).
    Registered,
    /// An issue case sent to the Commission and not assessed since.
    AtCommission,
    /// An extension registered and not decided.
    OpenExtension,
    /// An issue that passes quickly, so its certificate ends within two weeks of `now`.
    EndingSoon,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Send(i64),
    Assess(i64),
    Decide(i64),
}

/// A certificate the simulation may later extend, reissue, duplicate or revoke.
#[derive(Debug, Clone)]
struct Live {
    id: i64,
    applicant: i64,
    profession: String,
    valid_to: NaiveDate,
}

/// Live certificates with O(1) pick, update and removal (a million-case demo keeps many).
#[derive(Default)]
struct Pool {
    items: Vec<Live>,
    pos: HashMap<i64, usize>,
}

impl Pool {
    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    fn upsert(&mut self, l: Live) {
        match self.pos.get(&l.id) {
            Some(&i) => self.items[i] = l,
            None => {
                self.pos.insert(l.id, self.items.len());
                self.items.push(l);
            }
        }
    }
    fn remove(&mut self, id: i64) -> Option<Live> {
        let i = self.pos.remove(&id)?;
        let l = self.items.swap_remove(i);
        if let Some(moved) = self.items.get(i) {
            self.pos.insert(moved.id, i);
        }
        Some(l)
    }
    /// A random certificate still valid on `day` (by the store's own status), or None.
    fn pick(&mut self, rng: &mut ChaCha8Rng, w: &Writer<'_>, day: NaiveDate) -> Option<Live> {
        for _ in 0..8 {
            if self.items.is_empty() {
                return None;
            }
            let l = self.items[rng.random_range(0..self.items.len())].clone();
            // A certificate with a pending reissue or duplicate may be superseded meanwhile.
            // Applicants come for an extension, reissue or duplicate while the certificate runs.
            let valid = l.valid_to >= day + Days::new(7)
                && records::certificate_status(w.db(), l.id)
                    .is_ok_and(|s| s == CertificateStatus::Valid);
            if valid {
                return Some(l);
            }
            self.remove(l.id);
        }
        None
    }
}

struct Sim<'s> {
    rng: ChaCha8Rng,
    now: NaiveDateTime,
    registrar: &'s Session,
    secretary: &'s Session,
    head: &'s Session,
    professions: Vec<String>,
    members: Vec<MemberId>,
    sittings: HashMap<NaiveDate, SittingId>,
    queue: BinaryHeap<Reverse<(NaiveDateTime, Step)>>,
    live: Pool,
    /// Per case: what the next step needs to know.
    pending: HashMap<i64, (Service, Option<Outcome>)>,
    /// Open extensions: case -> the certificate it extends, out of `live` meanwhile.
    extending: HashMap<i64, i64>,
    /// Planned cases that stop after being sent to the Commission.
    hold: HashSet<i64>,
    /// Planned cases that go through quickly with a passing assessment.
    fast: HashSet<i64>,
}

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid time"))
}

/// A valid 12-digit IIN/BIN starting with `prefix` (6 or 7 digits: a person's IIN gives its
/// birth date and the century-and-sex digit).
fn iin(rng: &mut ChaCha8Rng, prefix: &str) -> String {
    let fixed = prefix.len().min(7);
    loop {
        let mut digits = [0u8; 12];
        for (i, c) in prefix.bytes().take(fixed).enumerate() {
            digits[i] = c - b'0';
        }
        for d in digits.iter_mut().take(11).skip(fixed) {
            *d = rng.random_range(0..10);
        }
        if let Some(c) = check_digit(&digits) {
            digits[11] = c;
            return digits.iter().map(|d| char::from(b'0' + d)).collect();
        }
    }
}

impl<'s> Sim<'s> {
    fn working_after(&self, w: &Writer<'_>, d: NaiveDate, n: u32) -> Option<NaiveDate> {
        w.law().calendar.add_working_days(d, n).ok()
    }

    fn person(&mut self, received: NaiveDate) -> ApplicantData {
        let (cit, surnames, males, females) = PEOPLE[self.rng.random_range(0..PEOPLE.len())];
        let female = self.rng.random_bool(0.45);
        let s = surnames[self.rng.random_range(0..surnames.len())];
        let list = if female { females } else { males };
        let g = list[self.rng.random_range(0..list.len())];
        let (sl, sc) = if female { (s.2, s.3) } else { (s.0, s.1) };
        let native = match (s.4, g.2) {
            ("", "") => String::new(),
            (sn, "") => sn.to_string(),
            (sn, gn) if cit == "CHN" || cit == "KOR" => format!("{sn}{gn}"),
            (sn, gn) => format!("{gn} {sn}"),
        };
        let age = self.rng.random_range(24..58);
        // Months, not `with_year`: on 29 February the year `age` back may have none (the person
        // would otherwise be born on the day they apply, and refused as too young).
        let birth = received
            .checked_sub_months(Months::new(12 * age as u32))
            .unwrap_or(received)
            .checked_sub_days(Days::new(self.rng.random_range(0..365)))
            .unwrap_or(received);
        let letter = ["N", "E", "P", "AB", "G", "C"][self.rng.random_range(0..6)];
        let passport = format!("{letter}{:08}", self.rng.random_range(0..100_000_000u32));
        let with_iin = self.rng.random_bool(0.4);
        let iin_value = with_iin.then(|| {
            // YYMMDD of birth, then 3/4 (born in the 1900s, man/woman) or 5/6 (2000s).
            let century = if birth.year() >= 2000 { 5 } else { 3 } + u8::from(female);
            let prefix = format!("{}{century}", birth.format("%y%m%d"));
            iin(&mut self.rng, &prefix)
        });
        ApplicantData {
            surname_latin: sl.into(),
            given_names_latin: g.0.into(),
            surname_cyrillic: sc.into(),
            given_names_cyrillic: g.1.into(),
            patronymic: g.3.into(),
            name_native: native,
            birth_date: Some(birth),
            citizenship: cit.into(),
            passport_number: passport,
            passport_issued_on: received
                .checked_sub_months(Months::new(self.rng.random_range(3..96))),
            passport_issuer: format!("{cit} MFA"),
            iin: iin_value,
            phone: format!(
                "+7 70{} {:03} {:02} {:02}",
                self.rng.random_range(0..10),
                self.rng.random_range(0..1000),
                self.rng.random_range(0..100),
                self.rng.random_range(0..100)
            ),
            email: String::new(),
            address_kz: String::new(),
            residence_address: String::new(),
            residence_phone: String::new(),
        }
    }

    fn documents(
        &mut self,
        w: &Writer<'_>,
        kind: Service,
        received: NaiveDateTime,
        complete: bool,
    ) -> Vec<DocumentCheck> {
        // The checklist of the rule set the application will be judged by: the one in force on
        // the day it is registered, which may be days after it came (a Saturday before a new
        // version's first Monday).
        let registered = w.registration_date(received).unwrap_or(received.date());
        let rs = match w.law().rule_sets.in_force_on(registered) {
            Ok(rs) => rs,
            Err(_) => return Vec::new(),
        };
        let mut docs: Vec<DocumentCheck> = rs
            .documents
            .for_service(kind)
            .iter()
            .map(|d| DocumentCheck {
                kind: d.id,
                present: true,
                valid_until: None,
            })
            .collect();
        // Incomplete: one of the documents beside the application itself is missing or expired
        // (the application is what is being refused acceptance).
        if !complete && docs.len() > 1 {
            let i = self.rng.random_range(1..docs.len());
            if self.rng.random_bool(0.5) {
                docs[i].present = false;
            } else {
                docs[i].valid_until = received
                    .date()
                    .checked_sub_days(Days::new(self.rng.random_range(1..200)));
            }
        }
        docs
    }

    fn schedule(&mut self, when: NaiveDateTime, step: Step) {
        if std::env::var("ANYQTAMA_DEMO_TRACE").ok().as_deref() == Some(&format!("{step:?}")) {
            eprintln!("demo: trace schedule {step:?} at {when}");
        }
        self.queue.push(Reverse((when, step)));
    }

    /// A new application arriving at `t`.
    fn arrive(&mut self, w: &mut Writer<'_>, t: NaiveDateTime, plan: Option<Plan>) {
        let day = t.date();
        let roll: f64 = match plan {
            None => self.rng.random(),
            Some(Plan::OpenExtension) => 0.7,
            Some(_) => 0.0,
        };
        let picked = if roll < 0.62 {
            None
        } else {
            self.live.pick(&mut self.rng, w, day)
        };
        let kind = match (&picked, roll) {
            (None, _) => Service::Issue,
            (Some(_), r) if r < 0.82 => Service::Extend,
            (Some(_), r) if r < 0.92 => Service::Reissue,
            (Some(_), _) => Service::Duplicate,
        };
        let complete = plan.is_some() || !self.rng.random_bool(0.04);
        let (applicant, profession, certificate) = match &picked {
            None => {
                let p = self.professions[self.rng.random_range(0..self.professions.len())].clone();
                (ApplicantRef::New(self.person(day)), p, None)
            }
            Some(l) => (
                ApplicantRef::Existing(ApplicantId(l.applicant)),
                l.profession.clone(),
                Some(CertificateId(l.id)),
            ),
        };
        let documents = self.documents(w, kind, t, complete);
        // A checklist of the application alone cannot be incomplete in this way.
        let complete = complete
            || documents
                .iter()
                .all(|d| d.present && d.valid_until.is_none());
        let mut app = NewApplication {
            kind,
            applicant,
            received_at: t,
            profession_id: profession,
            documents,
            certificate,
            employer: None,
            change_ground: None,
            event_on: None,
        };
        let employer = |sim: &mut Sim<'_>| {
            let from = day
                .checked_sub_days(Days::new(sim.rng.random_range(0..9)))
                .unwrap_or(day);
            let months = sim.rng.random_range(6..40);
            Employer {
                name: EMPLOYERS[sim.rng.random_range(0..EMPLOYERS.len())].into(),
                bin: iin(
                    &mut sim.rng,
                    &format!("{:02}{:02}40", (from.year() % 100), from.month()),
                ),
                contract_from: from,
                contract_to: from.checked_add_months(Months::new(months)).unwrap_or(from),
            }
        };
        match kind {
            Service::Extend => app.employer = Some(employer(self)),
            Service::Reissue => {
                let grounds = w
                    .law()
                    .rule_sets
                    .in_force_on(day)
                    .map(|r| r.reissue.grounds.clone())
                    .unwrap_or_default();
                let ground = grounds
                    .get(self.rng.random_range(0..grounds.len().max(1)))
                    .copied()
                    .unwrap_or(ReissueGround::NameChange);
                app.change_ground = Some(ground);
                if ground == ReissueGround::EmployerChange {
                    app.employer = Some(employer(self));
                }
                app.event_on = day.checked_sub_days(Days::new(self.rng.random_range(0..8)));
            }
            Service::Duplicate => {
                app.event_on = day.checked_sub_days(Days::new(self.rng.random_range(0..8)))
            }
            Service::Issue => {}
        }
        w.act_as(self.registrar, t);
        let result = w.attempt(|w| {
            if complete {
                w.register_application(&app)
            } else {
                w.refuse_acceptance(
                    &app,
                    "Документы неполные: заявителю разъяснено, какие документы представить.",
                )
            }
        });
        let case = match result {
            Ok(c) => c,
            Err(e) => {
                if std::env::var_os("ANYQTAMA_DEMO_DEBUG").is_some() {
                    eprintln!("demo: {kind} at {t} not registered: {e}");
                }
                return;
            }
        };
        if !complete {
            return;
        }
        match (&picked, kind) {
            (Some(l), Service::Reissue | Service::Duplicate) => {
                // The original will be superseded or replaced: not a candidate any more.
                self.live.remove(l.id);
            }
            (Some(l), Service::Extend) => {
                // One open application per certificate: a reissue registered beside an extension
                // and decided first left the extension open for good, its certificate superseded
                // (it can only be refused then, and on no ground of App 2 p.9).
                self.live.remove(l.id);
                self.extending.insert(case.0, l.id);
            }
            _ => {}
        }
        let registered: NaiveDate = records::case_registration(w.db(), case.0)
            .map(|(on, _)| on)
            .unwrap_or(day);
        self.pending.insert(case.0, (kind, None));
        match plan {
            Some(Plan::Registered | Plan::OpenExtension) => return,
            Some(Plan::AtCommission) => {
                self.hold.insert(case.0);
                self.schedule(at(registered, 15, 0), Step::Send(case.0));
                return;
            }
            Some(Plan::EndingSoon) => {
                // Sent the day of registration, assessed the next working day, decided the next.
                self.fast.insert(case.0);
                self.schedule(at(registered, 15, 0), Step::Send(case.0));
                return;
            }
            None => {}
        }
        if kind == Service::Issue {
            let n = self.rng.random_range(0..3);
            if let Some(d) = self.working_after(w, registered, n) {
                let when = at(
                    d,
                    self.rng.random_range(9..17),
                    self.rng.random_range(0..60),
                );
                self.schedule(when, Step::Send(case.0));
            }
        } else {
            let n = self.rng.random_range(1..4);
            if let Some(d) = self.working_after(w, registered, n) {
                let when = at(
                    d,
                    self.rng.random_range(10..18),
                    self.rng.random_range(0..60),
                );
                self.schedule(when, Step::Decide(case.0));
            }
        }
        // Now and then, a notice (p.18, p.20) or a revocation (p.21) on some live certificate.
        if !self.live.is_empty() && self.rng.random_bool(0.03) {
            let Some(l) = self.live.pick(&mut self.rng, w, day) else {
                return;
            };
            let kind = if self.rng.random_bool(0.5) {
                NotificationKind::EmployerChange
            } else {
                NotificationKind::ContractTermination
            };
            let event_on = day
                .checked_sub_days(Days::new(self.rng.random_range(0..12)))
                .unwrap_or(day);
            let _ = w.attempt(|w| {
                w.record_notification(
                    CertificateId(l.id),
                    kind,
                    event_on,
                    t,
                    "Уведомление получено нарочно.",
                )
            });
        }
        if !self.live.is_empty() && self.rng.random_bool(0.006) {
            let Some(l) = self.live.pick(&mut self.rng, w, day) else {
                return;
            };
            self.live.remove(l.id);
            w.act_as(self.head, t);
            let act = RevocationAct {
                body: "Департамент по миграционной службе".into(),
                number: format!("{}-{}", day.year(), self.rng.random_range(100..999)),
                date: day
                    .checked_sub_days(Days::new(self.rng.random_range(1..10)))
                    .unwrap_or(day),
            };
            let _ = w.attempt(|w| w.revoke(CertificateId(l.id), &act));
        }
    }

    fn step(&mut self, w: &mut Writer<'_>, t: NaiveDateTime, step: Step) {
        match step {
            Step::Send(case) => {
                w.act_as(
                    if self.rng.random_bool(0.8) {
                        self.registrar
                    } else {
                        self.secretary
                    },
                    t,
                );
                if w.attempt(|w| w.send_to_commission(CaseId(case))).is_ok() {
                    if self.hold.contains(&case) {
                        return;
                    }
                    let n = if self.fast.contains(&case) {
                        1
                    } else {
                        self.rng.random_range(1..4)
                    };
                    if let Some(d) = self.working_after(w, t.date(), n) {
                        self.schedule(at(d, 11, 0), Step::Assess(case));
                    }
                }
            }
            Step::Assess(case) => {
                w.act_as(self.secretary, t);
                let day = t.date();
                let sitting = match self.sittings.get(&day) {
                    Some(s) => Some(*s),
                    None => {
                        let members: Vec<(MemberId, bool)> = self
                            .members
                            .iter()
                            .map(|m| (*m, self.rng.random_bool(0.85)))
                            .collect();
                        let members = if members.iter().any(|m| m.1) {
                            members
                        } else {
                            self.members.iter().map(|m| (*m, true)).collect()
                        };
                        let s = w
                            .attempt(|w| w.create_sitting(day, "Зал заседаний, 3 этаж", &members))
                            .ok();
                        if let Some(s) = s {
                            self.sittings.insert(day, s);
                        }
                        s
                    }
                };
                let Some(sitting) = sitting else { return };
                let years = self.rng.random_range(0..17u64);
                let end = day
                    .checked_sub_days(Days::new(self.rng.random_range(20..400)))
                    .unwrap_or(day);
                let start = end
                    .checked_sub_days(Days::new(years * 365 + self.rng.random_range(0..300)))
                    .unwrap_or(end);
                let mut periods = vec![(start, end)];
                if years > 4 && self.rng.random_bool(0.3) {
                    let mid = start
                        .checked_add_days(Days::new(years * 150))
                        .unwrap_or(start);
                    periods = vec![
                        (start, mid),
                        (mid.checked_add_days(Days::new(40)).unwrap_or(mid), end),
                    ];
                }
                let fast = self.fast.contains(&case);
                let mut input = AssessmentInput {
                    profession_in_list: fast || self.rng.random_bool(0.97),
                    qualification_matches: fast || self.rng.random_bool(0.94),
                    documents_reliable: fast || self.rng.random_bool(0.97),
                    education: Education {
                        higher: fast || self.rng.random_bool(0.86),
                        academic_degree: fast || self.rng.random_bool(0.12),
                        english_teaching_certificate: self.rng.random_bool(0.08),
                    },
                    periods,
                };
                // Now and then the Commission does not accept a period as relevant (a change of its
                // findings, with the reason written down: RULES.md §6.2).
                let mut note = None;
                if !fast && input.periods.len() > 1 && self.rng.random_bool(0.2) {
                    input.periods.pop();
                    note = Some(FINDING_NOTES[0]);
                }
                // The decision follows from the findings; a finding against the applicant under
                // App 2 p.9 subp.1 or 3 is justified in writing.
                let recommended = match recommendation(w, w.law(), case, &input) {
                    Some(r) => r,
                    None => return,
                };
                if !(input.profession_in_list && input.qualification_matches) {
                    note = Some(FINDING_NOTES[1]);
                } else if !input.documents_reliable {
                    note = Some(FINDING_NOTES[2]);
                }
                let decision = recommended;
                let rec = w.attempt(|w| {
                    w.record_assessment(CaseId(case), sitting, &input, decision, note)
                        .map(|_| decision)
                });
                if let Ok(decision) = rec {
                    self.pending.insert(case, (Service::Issue, Some(decision)));
                    let n = if fast { 1 } else { self.rng.random_range(1..3) };
                    if let Some(d) = self.working_after(w, day, n) {
                        let when = at(d, self.rng.random_range(10..18), 30);
                        self.schedule(when, Step::Decide(case));
                    }
                }
            }
            Step::Decide(case) => {
                w.act_as(self.head, t);
                let Some((kind, commission)) = self.pending.remove(&case) else {
                    if std::env::var_os("ANYQTAMA_DEMO_DEBUG").is_some() {
                        eprintln!("demo: decide case {case} at {t}: nothing pending");
                    }
                    return;
                };
                // A first issue follows the Commission (its grounds are mandatory); now and then
                // the head finds a document unreliable and refuses what it recommended, in writing.
                // The other services are granted, or refused on App 2 p.9 subp.3 or 1 with a reason.
                let (outcome, grounds, reason): (Outcome, &[RefusalGround], Option<&str>) =
                    match commission {
                        Some(Outcome::Refuse) => (Outcome::Refuse, &[], None),
                        Some(Outcome::Issue)
                            if !self.fast.contains(&case) && self.rng.random_bool(0.01) =>
                        {
                            (
                                Outcome::Refuse,
                                &[RefusalGround::UnreliableDocuments],
                                Some(FINDING_NOTES[2]),
                            )
                        }
                        Some(Outcome::Issue) => (Outcome::Issue, &[], None),
                        None if self.rng.random_bool(0.96) => (Outcome::Issue, &[], None),
                        None if self.rng.random_bool(0.7) => (
                            Outcome::Refuse,
                            &[RefusalGround::UnreliableDocuments],
                            Some(HEAD_REASONS[0]),
                        ),
                        None => (
                            Outcome::Refuse,
                            &[RefusalGround::QualificationMismatch],
                            Some(HEAD_REASONS[1]),
                        ),
                    };
                let decided = w.attempt(|w| w.decide(CaseId(case), outcome, grounds, reason, None));
                if let (Err(e), true) =
                    (&decided, std::env::var_os("ANYQTAMA_DEMO_DEBUG").is_some())
                {
                    eprintln!("demo: decide {kind} case {case} at {t}: {e}");
                }
                if self.fast.contains(&case) {
                    // Planned to end soon: not extended, reissued or revoked later.
                    return;
                }
                // A refused extension leaves its certificate running as it was.
                let extended = self.extending.remove(&case).map(CertificateId);
                if let Some(cert) = decided.ok().flatten().or(extended) {
                    if let Ok((applicant, profession, valid_to)) =
                        records::certificate_holding(w.db(), cert.0)
                    {
                        // An extension returns the same certificate with a later end.
                        self.live.upsert(Live {
                            id: cert.0,
                            applicant,
                            profession,
                            valid_to,
                        });
                    }
                }
            }
        }
    }

    /// Runs every queued step up to `until`.
    fn run_until(&mut self, w: &mut Writer<'_>, until: NaiveDateTime) {
        while let Some(Reverse((t, _))) = self.queue.peek() {
            if *t > until || *t > self.now {
                break;
            }
            let Reverse((t, step)) = self.queue.pop().expect("peeked");
            if std::env::var("ANYQTAMA_DEMO_TRACE").ok().as_deref() == Some(&format!("{step:?}")) {
                eprintln!("demo: trace run {step:?} at {t}");
            }
            self.step(w, t, step);
        }
    }
}

/// What the rules recommend for a case with these findings (the same computation the Commission's
/// screen shows).
fn recommendation(
    w: &Writer<'_>,
    law: &anyqtama_store::Law,
    case: i64,
    input: &AssessmentInput,
) -> Option<Outcome> {
    let (registered_on, rule_set) = records::case_registration(w.db(), case).ok()?;
    let sets = &law.rule_sets;
    let rs = sets.get(&sets.id(&rule_set).ok()?);
    let result = input
        .assess(rs, Service::Issue, registered_on, &mut Vec::new())
        .ok()?;
    Some(Outcome::from(result.recommendation))
}

/// The working day `n` working days before `today` whose n-th working day after is `today`, if any
/// (none when `today` itself is a day off).
fn working_days_before(cal: &Calendar, today: NaiveDate, n: u32) -> Option<NaiveDate> {
    (1..=40u64)
        .filter_map(|back| today.checked_sub_days(Days::new(back)))
        .find(|d| {
            cal.is_working_day(*d).unwrap_or(false)
                && cal.add_working_days(*d, n).ok() == Some(today)
        })
}

/// Cases planned relative to today (RULES.md §6.4: the n-th working day after registration):
/// documents due to the Commission today (2 working days, p.7) and two days late; an extension due
/// today (3 working days, p.16) and one late; a case the Commission is late on; and certificates
/// decided about three months ago (p.15), so they end within the next two weeks.
fn planned(
    cal: &Calendar,
    today: NaiveDate,
    start: NaiveDate,
) -> Vec<(NaiveDateTime, Option<Plan>)> {
    let mut out = Vec::new();
    let mut add = |day: Option<NaiveDate>, h: u32, plan: Plan| {
        if let Some(d) = day.filter(|d| *d > start) {
            out.push((at(d, h, 0), Some(plan)));
        }
    };
    add(working_days_before(cal, today, 2), 10, Plan::Registered);
    add(working_days_before(cal, today, 4), 11, Plan::Registered);
    add(working_days_before(cal, today, 3), 10, Plan::OpenExtension);
    add(working_days_before(cal, today, 5), 12, Plan::OpenExtension);
    add(working_days_before(cal, today, 9), 10, Plan::AtCommission);
    // Registered on d, decided two working days later, valid to that day three months on.
    for days_left in [3u64, 10] {
        let end = today + Days::new(days_left);
        let decided = end.checked_sub_months(Months::new(3));
        let day = decided.and_then(|dec| {
            (1..=20u64)
                .filter_map(|back| dec.checked_sub_days(Days::new(back)))
                .find(|d| {
                    cal.is_working_day(*d).unwrap_or(false)
                        && cal
                            .add_working_days(*d, 2)
                            .ok()
                            .and_then(|x| x.checked_add_months(Months::new(3)))
                            .is_some_and(|e| e >= today && e <= today + Days::new(14))
                })
        });
        add(day, 9, Plan::EndingSoon);
    }
    out
}

/// Fills an empty store with an office's history. `progress` is called after each committed batch
/// with the number of cases committed so far.
pub fn fill(
    store: &mut Store,
    opts: &DemoOptions,
    mut progress: impl FnMut(i64),
) -> Result<DemoSummary> {
    // Only into a new, empty store: never over an office's or a higher office's data (whose users
    // would otherwise gain demo users with the known password).
    if store.has_office()? || store.has_users()? {
        return Err(StoreError::NotEmpty);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let region = REGIONS[(opts.seed % REGIONS.len() as u64) as usize];
    let office = Office {
        code: region.0.into(),
        name_kk: format!(
            "{} жұмыспен қамту және әлеуметтік бағдарламалар басқармасы",
            region.1
        ),
        name_ru: format!("Управление занятости и социальных программ ({})", region.2),
        name_en: format!(
            "Department of Employment and Social Programmes, {}",
            region.3
        ),
        region_kk: region.1.into(),
        region_ru: region.2.into(),
        region_en: region.3.into(),
        address: format!("{}, ул. Абая, {}", region.2, 10 + opts.seed % 90),
    };
    let today = opts.now.date();
    let start = today
        .checked_sub_months(Months::new(12 * opts.years))
        .ok_or(StoreError::Invalid {
            field: "years",
            detail: "too many".into(),
        })?;
    let start = start.max(NaiveDate::from_ymd_opt(2017, 1, 9).expect("valid date"));
    // The history is the same for the same seed; the office's identity and signing key are fresh
    // each time, as any office's (a demo's known password must not sign for another demo).
    let admin = store.setup(
        &office,
        "admin",
        "Әкімші Демо",
        DEMO_PASSWORD,
        at(start, 9, 0),
    )?;
    let members = store.write(&admin, at(start, 9, 5), |w| {
        w.create_user(
            "registrar",
            "Серикова Айгерим",
            DEMO_PASSWORD,
            &[Role::Registrar],
            "kk",
        )?;
        w.create_user(
            "secretary",
            "Омаров Данияр",
            DEMO_PASSWORD,
            &[Role::Secretary],
            "ru",
        )?;
        w.create_user(
            "head",
            "Жумабаева Гульнара",
            DEMO_PASSWORD,
            &[Role::Head],
            "kk",
        )?;
        let mut m = Vec::new();
        for (name, position, org) in [
            (
                "Жумабаева Гульнара Ерлановна",
                "Председатель Комиссии",
                "Управление занятости и социальных программ",
            ),
            (
                "Омаров Данияр Маратович",
                "Секретарь Комиссии",
                "Управление занятости и социальных программ",
            ),
            (
                "Ким Сергей Владимирович",
                "Главный специалист",
                "Управление образования",
            ),
            (
                "Абдрахманова Салтанат Кайратовна",
                "Старший инспектор",
                "Департамент полиции, миграционная служба",
            ),
            (
                "Нургалиев Арман Болатович",
                "Эксперт",
                "Палата предпринимателей «Атамекен»",
            ),
        ] {
            m.push(w.add_commission_member(name, position, org)?);
        }
        Ok(m)
    })?;
    let registrar = store.session_for("registrar")?;
    let secretary = store.session_for("secretary")?;
    // The head decides with the office key, which opens only with the head's password.
    let head = store.sign_in("head", DEMO_PASSWORD, opts.now)?;
    let professions: Vec<String> = store
        .law()
        .lists
        .professions()
        .filter(|e| !e.heading)
        .map(|e| e.id.to_string())
        .collect();

    // Arrival times, spread over the days before today, a few after hours (so none after now); with
    // the planned cases, `cases` in all.
    let planned = planned(&store.law().calendar, today, start);
    let days = (today - start).num_days().max(2) as u64 - 1;
    let mut arrivals: Vec<(NaiveDateTime, Option<Plan>)> =
        (0..opts.cases.saturating_sub(planned.len()))
            .map(|_| {
                let d = start
                    .checked_add_days(Days::new(rng.random_range(0..=days)))
                    .expect("date in range");
                let minutes = if rng.random_bool(0.06) {
                    rng.random_range(18 * 60 + 30..21 * 60)
                } else {
                    rng.random_range(9 * 60..18 * 60 + 30)
                };
                (at(d, minutes / 60, minutes % 60), None)
            })
            .collect();
    arrivals.extend(planned.into_iter().take(opts.cases));
    arrivals.sort_by_key(|(t, _)| *t);

    let mut sim = Sim {
        rng,
        now: opts.now,
        registrar: &registrar,
        secretary: &secretary,
        head: &head,
        professions,
        members,
        sittings: HashMap::new(),
        queue: BinaryHeap::new(),
        live: Pool::default(),
        pending: HashMap::new(),
        extending: HashMap::new(),
        hold: HashSet::new(),
        fast: HashSet::new(),
    };
    for chunk in arrivals.chunks(opts.batch.max(1)) {
        store.write(&registrar, chunk[0].0, |w| {
            for (t, plan) in chunk {
                sim.run_until(w, *t);
                sim.arrive(w, *t, *plan);
            }
            Ok(())
        })?;
        progress(queries::count_cases(store)?);
    }
    store.write(&registrar, opts.now, |w| {
        sim.run_until(w, opts.now);
        Ok(())
    })?;
    let (cases, certificates, open_cases) = queries::totals(store)?;
    Ok(DemoSummary {
        office_code: office.code.clone(),
        office: office.name_ru.clone(),
        store_id: records::store_id(store)?,
        cases,
        certificates,
        open_cases,
        users: vec![
            "admin".into(),
            "registrar".into(),
            "secretary".into(),
            "head".into(),
        ],
        password: DEMO_PASSWORD,
    })
}
