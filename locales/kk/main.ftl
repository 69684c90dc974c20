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
