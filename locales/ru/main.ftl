## Anyqtama — сообщения на русском языке.

app-title = Anyqtama
app-tagline = Справки о соответствии квалификации для самостоятельного трудоустройства иностранцев и лиц без гражданства
app-rules-in-force = Правила, действующие сегодня: { $ruleset }
app-calendar-years = Производственный календарь: { $first }–{ $last }

## Ошибки
error-unknown-rule-set = Неизвестная редакция Правил «{ $value }». Укажите одну из: order-503-2016, order-236-2023, order-426-2026.
error-no-rule-set-in-force = На { $date } не действовала ни одна редакция Правил. Первая вступила в силу 2017-01-01; проверьте дату.
error-unknown-service = Неизвестный вид услуги «{ $value }». Укажите один из: issue, extend, reissue, duplicate.
error-calendar-year-missing = В производственном календаре нет данных за { $year } год. Администратор должен сначала внести праздники и переносы этого года.
error-period-reversed = Период работы заканчивается ({ $to }) раньше, чем начинается ({ $from }). Исправьте даты.
error-office-hours-reversed = Часы работы: время открытия { $open } должно быть раньше времени закрытия { $close }.
error-invalid-date = «{ $value }» — неверная дата. Укажите её в виде ГГГГ-ММ-ДД, например 2026-03-20.
error-invalid-datetime = «{ $value }» — неверные дата и время. Укажите их в виде ГГГГ-ММ-ДДTЧЧ:ММ, например 2026-03-20T17:45.
error-invalid-time = «{ $value }» — неверное время. Укажите его в виде ЧЧ:ММ, например 09:00.
error-missing-field = Для этой услуги обязательно поле «{ $field }». Добавьте его во входные данные.
error-end-after-latest = Дата окончания { $end } позже допустимой по закону ({ $latest }). Выберите { $latest } или более раннюю дату.
error-end-before-start = Дата окончания { $end } раньше даты начала { $start }. Исправьте даты.
error-iin-length = «{ $value }» — не ИИН/БИН: он должен состоять ровно из 12 цифр.
error-iin-check-digit = «{ $value }» — неверный ИИН/БИН: не совпадает контрольная цифра. Проверьте, нет ли опечатки.
error-data = Файл данных { $file } содержит ошибку: { $detail }
error-json = Входные данные — не корректный JSON (строка { $line }, позиция { $column }): { $detail }
error-read-file = Не удаётся прочитать { $path }: { $detail }
error-not-a-number = «{ $value }» — не целое число дней (0 или больше).
error-not-a-year = «{ $value }» — не год. Укажите четыре цифры, например 2026.
error-unknown-lang = Неизвестный язык «{ $value }». Укажите kk, ru или en.
error-empty-search = Укажите слово для поиска, например: anyqtama lists search онколог

## Производственный календарь
calendar-carried = Перенесённый выходной: { $holiday } ({ $date })
calendar-transferred = Выходной перенесён постановлением Правительства; рабочим днём вместо него является { $date }
calendar-working = Рабочий день вместо выходного { $date }
calendar-estimated = { $holiday } (дата предварительная до её объявления)

## Документы (приложение 2, п. 8)
doc-application = Заявление (приложение 1)
doc-identity_document = Копия документа, удостоверяющего личность
doc-education_translation = Нотариально засвидетельствованный перевод документов об образовании или сертификата для преподавания английского языка
doc-work_history = Нотариально засвидетельствованная копия документа, подтверждающего трудовую деятельность, с переводом
doc-previous_certificate = Ранее выданная справка
doc-employment_contract = Копия трудового договора
doc-change_document = Документ, подтверждающий изменение (ФИО, документа, удостоверяющего личность, или работодателя)

## Ошибки хранилища
error-database = Хранилище дел не смогло выполнить операцию: { $detail }
error-migration = Не удалось подготовить хранилище дел: { $detail }
error-store-too-new = Это хранилище записано более новой версией Anyqtama (схема { $found }; эта программа знает { $known }). Установите новую версию, чтобы открыть его.
error-not-a-store = { $path } — не хранилище Anyqtama. Выберите файл хранилища (anyqtama.sqlite) или резервную копию, сделанную Anyqtama.
error-bad-credentials = Неверный логин или пароль.
error-user-disabled = Пользователь { $login } отключён. Обратитесь к администратору.
error-not-permitted = У вас нет права на это действие ({ $action ->
        [register_application] регистрация заявления
        [refuse_acceptance] отказ в приёме
        [attach_scan] прикрепление скана
        [send_to_commission] направление в Комиссию
        [record_notification] регистрация уведомления
        [register_complaint] регистрация жалобы
        [create_sitting] создание заседания
        [record_assessment] запись оценки
        [decide] принятие решения
        [revoke] отзыв справки
        [resolve_complaint] рассмотрение жалобы
        [manage_users] управление пользователями
        [manage_office] настройки органа
        [manage_commission] состав Комиссии
        [manage_numbering] настройка нумерации
        [backup] резервное копирование
        [restore] восстановление
       *[other] { $action }
    }): нужна роль { $roles ->
        [registrar] регистратор
        [secretary] секретарь Комиссии
        [head] руководитель (подписант)
        [admin] администратор
        [registrar-or-secretary] регистратор или секретарь Комиссии
       *[other] { $roles }
    }.
error-wrong-state = Дело { $case } в состоянии «{ $status ->
        [registered] зарегистрировано
        [not_accepted] не принято
        [sent_to_commission] направлено в Комиссию
        [assessed] рассмотрено Комиссией
        [issued] выдано
        [refused] отказано
       *[other] { $status }
    }»: действие { $action ->
        [register_application] регистрация заявления
        [refuse_acceptance] отказ в приёме
        [attach_scan] прикрепление скана
        [send_to_commission] направление в Комиссию
        [record_notification] регистрация уведомления
        [register_complaint] регистрация жалобы
        [create_sitting] создание заседания
        [record_assessment] запись оценки
        [decide] принятие решения
        [revoke] отзыв справки
        [resolve_complaint] рассмотрение жалобы
        [manage_users] управление пользователями
        [manage_office] настройки органа
        [manage_commission] состав Комиссии
        [manage_numbering] настройка нумерации
        [backup] резервное копирование
        [restore] восстановление
       *[other] { $action }
    } на этом этапе невозможно.
error-not-found = { $what } { $id } не существует.
error-incomplete-documents = Документы неполные (нет: { $missing }; истёк срок: { $expired }). Оформите отказ в приёме или дополните документы.
error-reason-required = Укажите причину: решение расходится с рекомендацией или отказ дан без оснований.
error-invalid-input = Проверьте поле «{ $field }»: { $detail }
error-certificate-not-valid = Справка { $number } не действительна на { $date }.
error-store-not-empty = Хранилище не пустое: демонстрационные данные и первичная настройка записываются только в новое хранилище.
error-no-office = В хранилище ещё нет сведений об органе: выполните первичную настройку.
error-audit-broken = Журнал аудита нарушен на записи { $seq }: { $reason }. Хранилище изменено вне Anyqtama; восстановите резервную копию и сообщите об этом.
error-io = Не удалось прочитать или записать файл: { $detail }
error-bad-pattern = Шаблон нумерации «{ $pattern }» неверен: он должен один раз содержать {"{"}seq{"}"} и может содержать {"{"}office{"}"} и {"{"}year{"}"}.
error-not-a-month = «{ $value }» — не месяц. Укажите его в виде ГГГГ-ММ, например 2026-03.
error-usage = { $detail }

## Документы из командной строки
error-qr-malformed = Это не код справки Anyqtama. Отсканируйте QR-код на справке ещё раз.
error-qr-unknown-office = Код подписан органом, неизвестным этому хранилищу (ключ { $fingerprint }). Импортируйте пакет этого органа или обратитесь в него.
error-qr-bad-signature = ПОДДЕЛКА ИЛИ ИЗМЕНЕНИЕ: данные справки не совпадают с подписью.
error-not-printable = { $id } нельзя напечатать как { $document }: дело не в том состоянии, для которого есть этот документ.
error-no-office-key = В хранилище ещё нет ключа для подписи справок. Выполните первичную настройку.
error-unknown-document = Неизвестный документ «{ $value }». Укажите application, certificate, refusal или protocol.
error-unknown-doc-lang = Неизвестный язык документа «{ $value }». Укажите kk, ru, en или kk+ru.
error-unknown-format = Неизвестный формат «{ $value }». Укажите pdf, xlsx или csv.
error-write-file = Не удаётся записать { $path }: { $detail }

## A field the store refused, said next to the field in the window
error-field-act_date = Дата акта не может быть в будущем.
error-field-act_number = Укажите номер акта.
error-field-body = Укажите орган, издавший акт.
error-field-applicant = Выберите владельца справки из учёта: { $detail }
error-field-certificate = Проверьте справку: { $detail }
error-field-change_ground = Выберите основание переоформления, допускаемое действующими правилами.
error-field-citizenship = Укажите гражданство (три буквы, XXA для лица без гражданства).
error-field-code = Код акимата: только буквы и цифры, не более 8.
error-field-content = Скан должен быть файлом от 1 байта до 50 МБ.
error-field-copies = Экземпляров: от 1 до 100.
error-field-documents = Документы полные: зарегистрируйте заявление.
error-field-employer = Заполните работодателя: наименование, БИН/ИИН и даты договора.
error-field-employer_name = Укажите наименование работодателя.
error-field-event_on = Дата события не может быть позже дня получения уведомления.
error-field-file_name = У файла нет имени.
error-field-full_name = Укажите полное имя.
error-field-lang = Выберите казахский, русский или английский.
error-field-login = Логин: латинские буквы, цифры, точка, дефис или подчёркивание; не занятый другим пользователем.
error-field-members = Отметьте хотя бы одного присутствующего члена.
error-field-name_kk = Укажите наименование акимата на казахском.
error-field-name_ru = Укажите наименование акимата на русском.
error-field-name_en = Укажите наименование акимата на английском.
error-field-next = Следующий номер — не меньше 1 и больше уже выданных ({ $detail }).
error-field-organisation = Укажите организацию члена комиссии.
error-field-out = Такой файл уже есть: выберите другое имя.
error-field-outcome = Укажите результат рассмотрения жалобы.
error-field-passport_number = Укажите номер паспорта.
error-field-password = Пароль — не менее 8 символов.
error-field-place = Укажите место заседания.
error-field-profession_id = Выберите профессию из перечня приказа 236.
error-field-roles = Назначьте пользователю хотя бы одну роль.
error-field-status = Выберите, чем завершилось рассмотрение жалобы.
error-field-summary = Опишите суть жалобы.
error-field-surname_latin = Укажите фамилию как в паспорте.
error-field-active = Нельзя отключить собственную учётную запись.
error-field-years = Проверьте число лет.

## The window
error-store-in-use = Хранилище дел { $path } уже открыто в другом окне Anyqtama. Сначала закройте то окно: два окна с одним хранилищем могут затереть работу друг друга.
error-signed-out = Вы вышли из системы. Войдите снова.
error-field-source = Укажите источник: постановление или приказ, его номер и дату.

## Bundles (manual sync)
error-unknown-office = Акимат { $office } здесь ещё не известен. Отпечаток его ключа: { $fingerprint }. Сверьте его с тем, что акимат сообщит по телефону или письмом, и импортируйте снова с доверием (в окне: «Доверять этому акимату»; в командной строке: --trust-new-office).
error-office-key-changed = Акимат { $office } подписал этот пакет ключом { $presented }, а это хранилище знает его по ключу { $known }. Пакет отклонён: уточните у акимата, действительно ли ключ был заменён.
error-not-higher-office = Это хранилище принадлежит акимату. Пакеты импортируются в хранилище вышестоящего органа: используйте для этого новое пустое хранилище.
error-bundle-not-a-bundle = Этот файл не является пакетом Anyqtama или повреждён ({ $detail }). Запросите файл у акимата ещё раз.
error-bundle-altered = Пакет изменён после того, как акимат его подписал: подпись не соответствует содержимому. Не используйте его; запросите файл у акимата ещё раз.
error-bundle-unknown-format = Формат пакета ({ $detail }) этой программе неизвестен. Обновите программу.
error-bundle-too-new = Пакет записан более новой программой (схема { $found }; эта программа знает { $known }). Обновите программу, затем импортируйте.
error-bundle-key-mismatch = Ключ пакета не соответствует указанному в нём отпечатку ({ $fingerprint }). Не используйте его; запросите файл у акимата ещё раз.
error-bundle-part-missing = В пакете нет части «{ $part }». Запросите файл у акимата ещё раз.
error-bundle-part-damaged = Часть пакета «{ $part }» не совпадает со своей контрольной суммой. Запросите файл у акимата ещё раз.
error-bundle-part-extra = В пакете есть часть, не указанная в манифесте («{ $part }»). Не используйте его; запросите файл у акимата ещё раз.
error-bundle-counts = Записи пакета не совпадают с его манифестом ({ $detail }). Запросите файл у акимата ещё раз.
error-bundle-empty = За этот период выгружать нечего.
error-field-month = Укажите месяц как ГГГГ-ММ, например 2026-03.
error-field-decided_on = Заявление зарегистрировано { $detail }: решение можно записать начиная с этого дня.
