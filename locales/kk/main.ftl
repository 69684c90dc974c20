## Anyqtama — қазақ тіліндегі хабарламалар.

app-title = Anyqtama
app-tagline = Шетелдіктер мен азаматтығы жоқ адамдардың өз бетінше жұмысқа орналасуы үшін біліктілігінің сәйкестігі туралы анықтамалар
app-rules-in-force = Бүгін қолданыстағы Қағидалар: { $ruleset }
app-calendar-years = Өндірістік күнтізбе: { $first }–{ $last }

## Қателер
error-unknown-rule-set = «{ $value }» — Қағидалардың белгісіз редакциясы. Мыналардың бірін көрсетіңіз: order-503-2016, order-236-2023, order-426-2026.
error-no-rule-set-in-force = { $date } күні Қағидалардың ешбір редакциясы қолданыста болмаған. Біріншісі 2017-01-01 күшіне енді; күнді тексеріңіз.
error-unknown-service = «{ $value }» — қызметтің белгісіз түрі. Мыналардың бірін көрсетіңіз: issue, extend, reissue, duplicate.
error-calendar-year-missing = Өндірістік күнтізбеде { $year } жылға деректер жоқ. Алдымен әкімші сол жылдың мерекелері мен ауыстыруларын енгізуі керек.
error-period-reversed = Жұмыс кезеңі басталғанынан ({ $from }) бұрын аяқталады ({ $to }). Күндерді түзетіңіз.
error-office-hours-reversed = Жұмыс уақыты: ашылу уақыты { $open } жабылу уақытынан { $close } бұрын болуы керек.
error-invalid-date = «{ $value }» — қате күн. Оны ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2026-03-20.
error-invalid-datetime = «{ $value }» — қате күн мен уақыт. Оларды ЖЖЖЖ-АА-ККTСС:ММ түрінде жазыңыз, мысалы 2026-03-20T17:45.
error-invalid-time = «{ $value }» — қате уақыт. Оны СС:ММ түрінде жазыңыз, мысалы 09:00.
error-missing-field = Бұл қызмет үшін «{ $field }» өрісі міндетті. Оны кіріс деректеріне қосыңыз.
error-end-after-latest = Аяқталу күні { $end } заң рұқсат ететін күннен ({ $latest }) кеш. { $latest } немесе одан ерте күнді таңдаңыз.
error-end-before-start = Аяқталу күні { $end } басталу күнінен { $start } бұрын. Күндерді түзетіңіз.
error-iin-length = «{ $value }» — ЖСН/БСН емес: ол дәл 12 цифрдан тұруы керек.
error-iin-check-digit = «{ $value }» — қате ЖСН/БСН: бақылау цифры сәйкес келмейді. Қате терілмегенін тексеріңіз.
error-data = { $file } деректер файлында қате бар: { $detail }
error-json = Кіріс деректері дұрыс JSON емес ({ $line }-жол, { $column }-позиция): { $detail }
error-read-file = { $path } оқылмады: { $detail }
error-not-a-number = «{ $value }» — күндердің бүтін саны емес (0 немесе одан көп).
error-not-a-year = «{ $value }» — жыл емес. Төрт цифрмен жазыңыз, мысалы 2026.
error-unknown-lang = «{ $value }» — белгісіз тіл. kk, ru немесе en көрсетіңіз.
error-empty-search = Іздеу үшін сөз жазыңыз, мысалы: anyqtama lists search онколог

## Өндірістік күнтізбе
calendar-carried = Ауыстырылған демалыс күні: { $holiday } ({ $date })
calendar-transferred = Демалыс күні Үкімет қаулысымен ауыстырылды; оның орнына { $date } жұмыс күні
calendar-working = { $date } демалыс күнінің орнына жұмыс күні
calendar-estimated = { $holiday } (жарияланғанға дейін күні болжамды)

## Құжаттар (2-қосымша, 8-тармақ)
doc-application = Өтініш (1-қосымша)
doc-identity_document = Жеке басты куәландыратын құжаттың көшірмесі
doc-education_translation = Білімі туралы құжаттардың немесе ағылшын тілін оқыту сертификатының нотариалды куәландырылған аудармасы
doc-work_history = Еңбек қызметін растайтын құжаттың нотариалды куәландырылған көшірмесі, аудармасымен
doc-previous_certificate = Бұрын берілген анықтама
doc-employment_contract = Еңбек шартының көшірмесі
doc-change_document = Өзгерісті растайтын құжат (аты-жөні, жеке басты куәландыратын құжат немесе жұмыс беруші)

## Қойма қателері
error-database = Істер қоймасы операцияны орындай алмады: { $detail }
error-migration = Істер қоймасын дайындау мүмкін болмады: { $detail }
error-store-too-new = Бұл қойма Anyqtama-ның жаңарақ нұсқасымен жазылған (схема { $found }; бұл бағдарлама { $known } біледі). Оны ашу үшін жаңа нұсқаны орнатыңыз.
error-not-a-store = { $path } — Anyqtama қоймасы емес. Қойма файлын (anyqtama.sqlite) немесе Anyqtama жасаған сақтық көшірмені таңдаңыз.
error-bad-credentials = Логин немесе құпиясөз қате.
error-user-disabled = { $login } пайдаланушысы өшірілген. Әкімшіге хабарласыңыз.
error-not-permitted = Бұл әрекетке ({ $action ->
        [register_application] өтінішті тіркеу
        [refuse_acceptance] қабылдаудан бас тарту
        [attach_scan] сканерді тіркеу
        [send_to_commission] Комиссияға жіберу
        [record_notification] хабарламаны тіркеу
        [register_complaint] шағымды тіркеу
        [create_sitting] отырыс құру
        [record_assessment] бағалауды жазу
        [decide] шешім қабылдау
        [revoke] анықтаманы кері қайтарып алу
        [resolve_complaint] шағымды қарау
        [manage_users] пайдаланушыларды басқару
        [manage_office] орган баптаулары
        [manage_commission] Комиссия құрамы
        [manage_numbering] нөмірлеу баптауы
        [backup] сақтық көшірме
        [restore] қалпына келтіру
       *[other] { $action }
    }) құқығыңыз жоқ: { $roles ->
        [registrar] тіркеуші
        [secretary] Комиссия хатшысы
        [head] басшы (қол қоюшы)
        [admin] әкімші
        [registrar-or-secretary] тіркеуші немесе Комиссия хатшысы
       *[other] { $roles }
    } рөлі қажет.
error-wrong-state = { $case } ісі «{ $status ->
        [registered] тіркелген
        [not_accepted] қабылданбаған
        [sent_to_commission] Комиссияға жіберілген
        [assessed] Комиссия қараған
        [issued] берілген
        [refused] бас тартылған
       *[other] { $status }
    }» күйінде: бұл кезеңде { $action ->
        [register_application] өтінішті тіркеу
        [refuse_acceptance] қабылдаудан бас тарту
        [attach_scan] сканерді тіркеу
        [send_to_commission] Комиссияға жіберу
        [record_notification] хабарламаны тіркеу
        [register_complaint] шағымды тіркеу
        [create_sitting] отырыс құру
        [record_assessment] бағалауды жазу
        [decide] шешім қабылдау
        [revoke] анықтаманы кері қайтарып алу
        [resolve_complaint] шағымды қарау
        [manage_users] пайдаланушыларды басқару
        [manage_office] орган баптаулары
        [manage_commission] Комиссия құрамы
        [manage_numbering] нөмірлеу баптауы
        [backup] сақтық көшірме
        [restore] қалпына келтіру
       *[other] { $action }
    } әрекеті мүмкін емес.
error-not-found = { $what } { $id } жоқ.
error-incomplete-documents = Құжаттар толық емес (жоқ: { $missing }; мерзімі өткен: { $expired }). Қабылдаудан бас тартуды ресімдеңіз немесе құжаттарды толықтырыңыз.
error-reason-required = Себебін жазыңыз: шешім ұсынымнан өзгеше немесе бас тарту негізсіз.
error-invalid-input = «{ $field }» өрісін тексеріңіз: { $detail }
error-certificate-not-valid = { $number } анықтамасы { $date } күні жарамсыз.
error-store-not-empty = Қойма бос емес: демо-деректер мен алғашқы баптау тек жаңа қоймаға жазылады.
error-no-office = Қоймада әлі орган туралы мәлімет жоқ: алғашқы баптауды орындаңыз.
error-audit-broken = Аудит журналы { $seq }-жазбада бұзылған: { $reason }. Қойма Anyqtama-дан тыс өзгертілген; сақтық көшірмені қалпына келтіріп, бұл туралы хабарлаңыз.
error-io = Файлды оқу немесе жазу мүмкін болмады: { $detail }
error-bad-pattern = «{ $pattern }» нөмірлеу үлгісі қате: онда {"{"}seq{"}"} бір рет болуы керек, {"{"}office{"}"} және {"{"}year{"}"} болуы мүмкін.
error-not-a-month = «{ $value }» — ай емес. Оны ЖЖЖЖ-АА түрінде жазыңыз, мысалы 2026-03.
error-usage = { $detail }

## Пәрмен жолынан құжаттар
error-qr-malformed = Бұл Anyqtama анықтамасының коды емес. Анықтамадағы QR-кодты қайта сканерлеңіз.
error-qr-unknown-office = Код бұл қоймаға белгісіз органның қолымен қойылған (кілт { $fingerprint }). Сол органның пакетін импорттаңыз немесе органға хабарласыңыз.
error-qr-bad-signature = ЖАЛҒАН НЕМЕСЕ ӨЗГЕРТІЛГЕН: анықтама деректері қолтаңбаға сәйкес келмейді.
error-not-printable = { $id } { $document } ретінде басып шығарылмайды: іс бұл құжатқа қажетті күйде емес.
error-no-office-key = Қоймада анықтамаларға қол қоюға арналған кілт әлі жоқ. Алғашқы баптауды орындаңыз.
error-unknown-document = «{ $value }» – белгісіз құжат. application, certificate, refusal немесе protocol көрсетіңіз.
error-unknown-doc-lang = «{ $value }» – құжаттың белгісіз тілі. kk, ru, en немесе kk+ru көрсетіңіз.
error-unknown-format = «{ $value }» – белгісіз формат. pdf, xlsx немесе csv көрсетіңіз.
error-write-file = { $path } жазылмады: { $detail }

## A field the store refused, said next to the field in the window
error-field-act_date = Акт күні болашақта бола алмайды.
error-field-act_number = Актінің нөмірін жазыңыз.
error-field-body = Актіні шығарған органды жазыңыз.
error-field-applicant = Есептегі анықтама иесін таңдаңыз: { $detail }
error-field-certificate = Анықтаманы тексеріңіз: { $detail }
error-field-change_ground = Қолданыстағы қағидалар рұқсат ететін қайта ресімдеу негізін таңдаңыз.
error-field-citizenship = Азаматтығын жазыңыз (үш әріп, азаматтығы жоқ адам үшін XXA).
error-field-code = Әкімдік коды: тек әріптер мен цифрлар, 8-ден аспайды.
error-field-content = Скан 1 байттан 50 МБ-қа дейінгі файл болуы керек.
error-field-copies = Дана саны: 1-ден 100-ге дейін.
error-field-documents = Құжаттар толық: өтінішті тіркеңіз.
error-field-employer = Жұмыс берушіні толтырыңыз: атауы, БСН/ЖСН және шарттың күндері.
error-field-employer_name = Жұмыс берушінің атауын жазыңыз.
error-field-event_on = Оқиға күні хабарлама алынған күннен кейін бола алмайды.
error-field-file_name = Файлдың атауы жоқ.
error-field-full_name = Толық аты-жөнін жазыңыз.
error-field-lang = Қазақ, орыс немесе ағылшын тілін таңдаңыз.
error-field-login = Логин: латын әріптері, цифрлар, нүкте, сызықша немесе астын сызу; басқа пайдаланушыда жоқ.
error-field-members = Кемінде бір қатысқан мүшені белгілеңіз.
error-field-name_kk = Әкімдіктің атауын қазақ тілінде жазыңыз.
error-field-name_ru = Әкімдіктің атауын орыс тілінде жазыңыз.
error-field-name_en = Әкімдіктің атауын ағылшын тілінде жазыңыз.
error-field-next = Келесі нөмір 1-ден кем емес және берілген нөмірлерден үлкен болуы керек ({ $detail }).
error-field-organisation = Комиссия мүшесінің ұйымын жазыңыз.
error-field-out = Мұндай файл бар: басқа атау таңдаңыз.
error-field-outcome = Шағымды қарау нәтижесін жазыңыз.
error-field-passport_number = Паспорт нөмірін жазыңыз.
error-field-password = Құпиясөз кемінде 8 таңбадан тұруы керек.
error-field-place = Отырыс өтетін орынды жазыңыз.
error-field-profession_id = 236 бұйрықтың тізбесінен кәсіпті таңдаңыз.
error-field-roles = Пайдаланушыға кемінде бір рөл беріңіз.
error-field-status = Шағымды қарау қалай аяқталғанын таңдаңыз.
error-field-summary = Шағымның мәнін жазыңыз.
error-field-surname_latin = Тегін паспорттағыдай жазыңыз.
error-field-active = Өз есептік жазбаңызды өшіре алмайсыз.
error-field-years = Жылдар санын тексеріңіз.

## The window
error-store-in-use = { $path } істер қоймасы Anyqtama-ның басқа терезесінде ашық. Алдымен сол терезені жабыңыз: бір қоймадағы екі терезе бір-бірінің жұмысын өшіріп жіберуі мүмкін.
error-signed-out = Жүйеден шықтыңыз. Қайта кіріңіз.
error-field-source = Дереккөзді жазыңыз: қаулы немесе бұйрық, оның нөмірі мен күні.

## Bundles (manual sync)
error-unknown-office = { $office } әкімдігі мұнда әлі белгісіз. Оның кілтінің саусақ ізі: { $fingerprint }. Оны әкімдік телефонмен немесе хатпен хабарлағанмен салыстырып, сенім білдіріп қайта импорттаңыз (терезеде: «Осы әкімдікке сену»; пәрмен жолында: --trust-new-office).
error-office-key-changed = { $office } әкімдігі бұл пакетке { $presented } кілтімен қол қойған, ал бұл қойма оны { $known } кілтімен біледі. Пакет қабылданбады: әкімдіктен кілт шынымен ауыстырылғанын нақтылаңыз.
error-not-higher-office = Бұл қойма әкімдікке тиесілі. Пакеттер жоғары тұрған органның қоймасына импортталады: ол үшін жаңа бос қойманы пайдаланыңыз.
error-bundle-not-a-bundle = Бұл файл Anyqtama пакеті емес немесе бүлінген ({ $detail }). Файлды әкімдіктен қайта сұраңыз.
error-bundle-altered = Пакет әкімдік қол қойғаннан кейін өзгертілген: қолтаңба мазмұнына сәйкес емес. Оны пайдаланбаңыз; файлды әкімдіктен қайта сұраңыз.
error-bundle-unknown-format = Пакет пішімі ({ $detail }) бұл бағдарламаға белгісіз. Бағдарламаны жаңартыңыз.
error-bundle-too-new = Пакетті жаңарақ бағдарлама жазған (схема { $found }; бұл бағдарлама { $known } біледі). Бағдарламаны жаңартып, содан кейін импорттаңыз.
error-bundle-key-mismatch = Пакет кілті онда көрсетілген саусақ ізіне ({ $fingerprint }) сәйкес емес. Оны пайдаланбаңыз; файлды әкімдіктен қайта сұраңыз.
error-bundle-part-missing = Пакетте «{ $part }» бөлігі жоқ. Файлды әкімдіктен қайта сұраңыз.
error-bundle-part-damaged = Пакеттің «{ $part }» бөлігі бақылау сомасына сәйкес емес. Файлды әкімдіктен қайта сұраңыз.
error-bundle-part-extra = Пакетте манифестте көрсетілмеген бөлік бар («{ $part }»). Оны пайдаланбаңыз; файлды әкімдіктен қайта сұраңыз.
error-bundle-counts = Пакет жазбалары манифестке сәйкес емес ({ $detail }). Файлды әкімдіктен қайта сұраңыз.
error-bundle-empty = Бұл кезең үшін шығаратын ештеңе жоқ.
error-field-month = Айды ЖЖЖЖ-АА түрінде жазыңыз, мысалы 2026-03.
error-field-decided_on = Өтініш { $detail } тіркелген: шешімді сол күннен бастап жазуға болады.
