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
