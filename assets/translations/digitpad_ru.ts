<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
    <context>
        <name>ActivationsView</name>
        <message>
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <source>leaky ReLU</source>
            <translation>ReLU с утечкой</translation>
        </message>
        <message>
            <source>sigmoid</source>
            <translation>sigmoid</translation>
        </message>
        <message>
            <source>tanh</source>
            <translation>tanh</translation>
        </message>
        <message>
            <source>linear</source>
            <translation>линейная</translation>
        </message>
        <message>
            <source>Dead units: {dead:,} of {units:,} ({share})</source>
            <translation>«Мёртвые» нейроны: {dead:,} из {units:,} ({share})</translation>
        </message>
        <message>
            <source>never active on these {batch:,} images, so they pass no gradient and stop learning.</source>
            <translation>ни разу не активны на этих изображениях ({batch:,}), поэтому не пропускают градиент и перестают обучаться.</translation>
        </message>
        <message>
            <source>{share} of all activations are exactly 0.</source>
            <translation>{share} всех активаций равны ровно 0.</translation>
        </message>
        <message>
            <source>Saturated: {share} of activations</source>
            <translation>Насыщенные: {share} активаций</translation>
        </message>
        <message>
            <source>below {low} or above {high}, where the curve is flat and almost no gradient flows back.</source>
            <translation>ниже {low} или выше {high}, где кривая пологая и обратно почти не проходит градиент.</translation>
        </message>
        <message>
            <source>Linear units neither die nor saturate.</source>
            <translation>Линейные нейроны не «умирают» и не насыщаются.</translation>
        </message>
        <message>
            <source>{count:,} values are NaN or infinite (not in the histogram).</source>
            <translation>NaN или бесконечных значений: {count:,} (на гистограмме не показаны).</translation>
        </message>
        <message>
            <source>This network has no hidden layer, so there are no hidden activations to show.</source>
            <translation>У этой сети нет скрытого слоя, поэтому показывать активации скрытых слоёв нечего.</translation>
        </message>
        <message>
            <source>What each hidden layer's {name} units output on {batch:,} test images: a histogram of every unit's value on every image.</source>
            <translation>Что выдают нейроны каждого скрытого слоя (функция активации: {name}) на тестовых изображениях ({batch:,}): гистограмма значений каждого нейрона на каждом изображении.</translation>
        </message>
        <message>
            <source>layer {layer}: {units:,} {name} units</source>
            <translation>слой {layer}: {name}, нейронов: {units:,}</translation>
        </message>
        <message>
            <source>Dead ReLU units output 0 for every input, so their weights get no gradient; saturated sigmoid/tanh units sit where the slope is almost 0.</source>
            <translation>«Мёртвые» нейроны ReLU выдают 0 на любой вход, поэтому их веса не получают градиента; насыщенные нейроны sigmoid/tanh находятся там, где наклон почти равен 0.</translation>
        </message>
        <message>
            <source>activation value</source>
            <translation>значение активации</translation>
        </message>
        <message>
            <source>count</source>
            <translation>количество</translation>
        </message>
        <message>
            <source>{title}: how often each activation value occurs ({batch:,} images × {units:,} units)</source>
            <translation>{title}: как часто встречается каждое значение активации (изображения × нейроны: {batch:,} × {units:,})</translation>
        </message>
        <message>
            <source>↑ {count:,} values in this bar (cut off)</source>
            <translation>↑ значений в этом столбце: {count:,} (обрезан)</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Unexpected error</source>
            <translation>Непредвиденная ошибка</translation>
        </message>
        <message>
            <source>{error}

digitpad keeps running; please report this with the text printed in the terminal.</source>
            <translation>{error}

digitpad продолжает работать; пожалуйста, сообщите об ошибке, приложив текст, выведенный в терминале.</translation>
        </message>
    </context>
    <context>
        <name>Backprop</name>
        <message>
            <source>A regression on label/10: for “{name}” the target is y = {label}/10 = {y}. δ = (a − y)·f′(z), f′ = a(1 − a) for a sigmoid output: ({a} − {y}) × {f_prime} = {d}.</source>
            <translation>Регрессия на метку/10: для «{name}» целевое значение y = {label}/10 = {y}. δ = (a − y)·f′(z), для выхода sigmoid f′ = a(1 − a): ({a} − {y}) × {f_prime} = {d}.</translation>
        </message>
        <message>
            <source>A regression on label/10: for “{name}” the target is y = {label}/10 = {y}. δ = (a − y)·f′(z), f′ = 1 for an identity output: ({a} − {y}) × {f_prime} = {d}.</source>
            <translation>Регрессия на метку/10: для «{name}» целевое значение y = {label}/10 = {y}. δ = (a − y)·f′(z), для тождественного выхода f′ = 1: ({a} − {y}) × {f_prime} = {d}.</translation>
        </message>
        <message>
            <source>This model carries the lab's mistake “softmax derivative applied twice”: its output δ is (p − y)·p(1 − p), not p − y. For “{name}”: ({a} − {y}) × {a} × {one_minus_a} = {d} instead of {a_minus_y}. Finite differences follow the loss itself, so they disagree with these gradients.</source>
            <translation>В этой модели есть ошибка из лаборатории «Производная softmax применена дважды»: её выходное δ равно (p − y)·p(1 − p), а не p − y. Для «{name}»: ({a} − {y}) × {a} × {one_minus_a} = {d} вместо {a_minus_y}. Конечные разности следуют за самой функцией потерь, поэтому расходятся с этими градиентами.</translation>
        </message>
        <message>
            <source>Softmax with cross-entropy: the output δ is p − y. For “{name}”: {a} − {y} = {d}.</source>
            <translation>Softmax с кросс-энтропией: выходное δ равно p − y. Для «{name}»: {a} − {y} = {d}.</translation>
        </message>
        <message>
            <source>Sigmoid outputs with binary cross-entropy: each output's δ is p − y. For “{name}”: {a} − {y} = {d}.</source>
            <translation>Выходы sigmoid с бинарной кросс-энтропией: δ каждого выхода равно p − y. Для «{name}»: {a} − {y} = {d}.</translation>
        </message>
        <message>
            <source>Squared error on sigmoid outputs: δ = (a − y)·a(1 − a). For “{name}”: ({a} − {y}) × {a} × {one_minus_a} = {d}.</source>
            <translation>Квадратичная ошибка на выходах sigmoid: δ = (a − y)·a(1 − a). Для «{name}»: ({a} − {y}) × {a} × {one_minus_a} = {d}.</translation>
        </message>
        <message>
            <source>Squared error on identity outputs: δ = a − y. For “{name}”: {a} − {y} = {d}.</source>
            <translation>Квадратичная ошибка на тождественных выходах: δ = a − y. Для «{name}»: {a} − {y} = {d}.</translation>
        </message>
        <message>
            <source>{note} This model sums the gradient over a mini-batch instead of averaging it: for this one image the two agree, but a mini-batch of 128 images steps 128 times as far.</source>
            <translation>{note} Эта модель суммирует градиент по мини-батчу, а не усредняет его: для одного этого изображения оба способа совпадают, но мини-батч из 128 изображений делает шаг в 128 раз длиннее.</translation>
        </message>
    </context>
    <context>
        <name>BackpropView</name>
        <message>
            <source>Draw on the canvas to see backpropagation in numbers: the loss for a label you pick, each layer's error signal δ and the gradient of any weight.</source>
            <translation>Нарисуйте что-нибудь на холсте, чтобы увидеть обратное распространение ошибки в числах: потери для выбранной вами метки, сигнал ошибки δ каждого слоя и градиент любого веса.</translation>
        </message>
        <message>
            <source>Click a cell, then a cell in the column to its right: the chain rule for the weight between them.</source>
            <translation>Щёлкните клетку, затем клетку в столбце справа от неё: цепное правило для веса между ними.</translation>
        </message>
        <message>
            <source>Backpropagation for your drawing: pick the true label (or press 0–9), read the loss and each layer's error signal δ, click two cells to follow one weight's gradient.</source>
            <translation>Обратное распространение ошибки для вашего рисунка: выберите истинную метку (или нажмите 0–9), посмотрите потери и сигнал ошибки δ каждого слоя, щёлкните две клетки, чтобы проследить градиент одного веса.</translation>
        </message>
        <message>
            <source>True label:</source>
            <translation>Истинная метка:</translation>
        </message>
        <message>
            <source>Take one step</source>
            <translation>Сделать шаг</translation>
        </message>
        <message>
            <source>One step of plain gradient descent on this drawing alone: every weight w ← w − lr·g with the model's learning rate (no momentum, no weight decay). The model counts as edited until you undo it.</source>
            <translation>Один шаг обычного градиентного спуска только на этом рисунке: каждый вес w ← w − lr·g со скоростью обучения модели (без момента и без снижения весов). Пока шаг не отменён, модель считается изменённой.</translation>
        </message>
        <message>
            <source>Undo step</source>
            <translation>Отменить шаг</translation>
        </message>
        <message>
            <source>Put the weights back as they were before the step.</source>
            <translation>Вернуть веса, какими они были до шага.</translation>
        </message>
        <message>
            <source>The chain rule for the weight you picked, with this drawing's numbers. A relative difference near 0 means backpropagation and the slope of the loss agree; near 1, the gradient maths is wrong.</source>
            <translation>Цепное правило для выбранного веса на числах этого рисунка. Относительная разница около 0 означает, что обратное распространение ошибки и наклон функции потерь согласуются; около 1 — что градиент вычисляется неверно.</translation>
        </message>
        <message>
            <source>Loss {loss}</source>
            <translation>Потери {loss}</translation>
        </message>
        <message>
            <source>The loss for this drawing with “{name}” as its true label.</source>
            <translation>Потери для этого рисунка, если его истинная метка — «{name}».</translation>
        </message>
        <message>
            <source>‖δ‖ {norm}</source>
            <translation>‖δ‖ {norm}</translation>
        </message>
        <message>
            <source>Take “{name}” as the true label (key {key})</source>
            <translation>Считать «{name}» истинной меткой (клавиша {key})</translation>
        </message>
        <message>
            <source>Take “{name}” as the true label</source>
            <translation>Считать «{name}» истинной меткой</translation>
        </message>
        <message>
            <source>True label {name}</source>
            <translation>Истинная метка {name}</translation>
        </message>
        <message>
            <source>The input as the network receives it, {rows}×{columns} pixels: the aᵢ of the first weights. Click a pixel, then a unit of the next column.</source>
            <translation>Вход в том виде, в каком его получает сеть, {rows}×{columns} пикселей: это aᵢ для первых весов. Щёлкните пиксель, затем нейрон в следующем столбце.</translation>
        </message>
        <message>
            <source>Hidden layer {layer}: each unit's error signal δ = ∂L/∂z (blue below 0, orange above); ‖δ‖ is its length. Click a unit, then one in the next column.</source>
            <translation>Скрытый слой {layer}: сигнал ошибки δ = ∂L/∂z каждого нейрона (синий — ниже 0, оранжевый — выше); ‖δ‖ — длина этого вектора. Щёлкните нейрон, затем нейрон в следующем столбце.</translation>
        </message>
        <message>
            <source>output</source>
            <translation>выход</translation>
        </message>
        <message>
            <source>The output layer's error signal δ = ∂L/∂z, one cell per output unit.</source>
            <translation>Сигнал ошибки δ = ∂L/∂z выходного слоя, по клетке на каждый выходной нейрон.</translation>
        </message>
        <message>
            <source>{layer} {norm}</source>
            <translation>{layer} {norm}</translation>
        </message>
        <message>
            <source>From {unit}: now click a cell of {layer}.</source>
            <translation>Начало: {unit}. Теперь щёлкните клетку в столбце «{layer}».</translation>
        </message>
        <message>
            <source>w ← w − lr·g = {w} − {lr} × ({g}) = {stepped} (lr = {lr})</source>
            <translation>w ← w − lr·g = {w} − {lr} × ({g}) = {stepped} (скорость обучения lr = {lr})</translation>
        </message>
        <message>
            <source>w ← w − lr·g = {w} − {lr} × ({g}) = {stepped} (lr = {lr}, digitpad's default: the model records none)</source>
            <translation>w ← w − lr·g = {w} − {lr} × ({g}) = {stepped} (скорость обучения lr = {lr} — значение digitpad по умолчанию: в модели она не записана)</translation>
        </message>
        <message>
            <source>Weight W{layer}[{source}, {target}] from {source_unit} to {target_unit}:</source>
            <translation>Вес W{layer}[{source}, {target}], {source_unit} → {target_unit}:</translation>
        </message>
        <message>
            <source>∂L/∂w = δⱼ × aᵢ = {delta} × {a} = {g}</source>
            <translation>∂L/∂w = δⱼ × aᵢ = {delta} × {a} = {g}</translation>
        </message>
        <message>
            <source>Finite differences: {fd} (relative difference {relative})</source>
            <translation>Конечные разности: {fd} (относительная разница {relative})</translation>
        </message>
        <message>
            <source>input</source>
            <translation>вход</translation>
        </message>
        <message>
            <source>input pixel {cell} (row {row}, column {column})</source>
            <translation>входной пиксель {cell} (строка {row}, столбец {column})</translation>
        </message>
        <message>
            <source>output “{name}”</source>
            <translation>выход «{name}»</translation>
        </message>
        <message>
            <source>unit {cell} of {layer}</source>
            <translation>нейрон {cell} слоя «{layer}»</translation>
        </message>
        <message>
            <source>hidden {layer}</source>
            <translation>скрытый {layer}</translation>
        </message>
        <message>
            <source>After one step: loss {before} → {after}</source>
            <translation>После одного шага: потери {before} → {after}</translation>
        </message>
        <message>
            <source>output × 10: {before} → {after}</source>
            <translation>выход × 10: {before} → {after}</translation>
        </message>
        <message>
            <source>“{name}” (the label): {before} → {after}</source>
            <translation>«{name}» (метка): {before} → {after}</translation>
        </message>
        <message>
            <source>“{name}”: {before} → {after}</source>
            <translation>«{name}»: {before} → {after}</translation>
        </message>
    </context>
    <context>
        <name>BeforeAfter</name>
        <message>
            <source>Before</source>
            <translation>До</translation>
        </message>
        <message>
            <source>After</source>
            <translation>После</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Изменение</translation>
        </message>
        <message>
            <source>Fine-tuning continued training the model on MNIST's training images mixed with your digits. &lt;b&gt;Your held-out digits&lt;/b&gt; are the quarter of your digits set aside by a fixed rule: it never trains on them, so their accuracy is an honest measure of how well it now reads your handwriting. &lt;b&gt;MNIST test&lt;/b&gt; shows what it may have forgotten of everyone else's.</source>
            <translation>При дообучении модель продолжила обучаться на обучающих изображениях MNIST вперемешку с вашими цифрами. &lt;b&gt;Ваши отложенные цифры&lt;/b&gt; — это четверть ваших цифр, отобранная по неизменному правилу: на них модель никогда не обучается, поэтому точность на них честно показывает, насколько хорошо она теперь читает ваш почерк. &lt;b&gt;Тестовая выборка MNIST&lt;/b&gt; показывает, что она могла забыть о почерке всех остальных.</translation>
        </message>
        <message>
            <source>Teach it my digits: before and after</source>
            <translation>Дообучение на моих цифрах: до и после</translation>
        </message>
        <message>
            <source>Save tuned model as…</source>
            <translation>Сохранить дообученную модель как…</translation>
        </message>
        <message>
            <source>Save the tuned model to a file (it is the current model now)</source>
            <translation>Сохранить дообученную модель в файл (теперь это текущая модель)</translation>
        </message>
        <message>
            <source>Back to the model before</source>
            <translation>Вернуть прежнюю модель</translation>
        </message>
        <message>
            <source>Forget the tuned model and read drawings with the model as it was before (and as it is in its file, if it was saved)</source>
            <translation>Забыть дообученную модель и распознавать рисунки прежней моделью (такой, какая она в своём файле, если была сохранена)</translation>
        </message>
    </context>
    <context>
        <name>ConfusionMatrix</name>
        <message>
            <source>Confusion matrix on the test set: row = true class, column = the class the network predicted.
Blue diagonal = correct, orange = mistakes (each shaded against its own largest count).
Click a cell to see its images.</source>
            <translation>Матрица ошибок на тестовой выборке: строка — истинный класс, столбец — класс, предсказанный сетью.
Синяя диагональ — верные ответы, оранжевые клетки — ошибки (оттенки каждой группы — относительно её наибольшего числа).
Щёлкните клетку, чтобы увидеть её изображения.</translation>
        </message>
        <message>
            <source>Share of each true class's test images the network classified correctly; the worst class is orange. The bars start at the percentage written under them.</source>
            <translation>Доля тестовых изображений каждого истинного класса, которые сеть классифицировала верно; худший класс — оранжевый. Полосы начинаются с процента, указанного под ними.</translation>
        </message>
        <message>
            <source>true {true}, predicted {predicted}: {count:,} image</source>
            <translation>истинный класс {true}, предсказан {predicted} — {count:,} изображение</translation>
        </message>
        <message>
            <source>true {true}, predicted {predicted}: {count:,} images</source>
            <translation>истинный класс {true}, предсказан {predicted} — изображений: {count:,}</translation>
        </message>
        <message>
            <source>true {true}, predicted {predicted}: {count:,} image (correct)</source>
            <translation>истинный класс {true}, предсказан {predicted} — {count:,} изображение (верно)</translation>
        </message>
        <message>
            <source>true {true}, predicted {predicted}: {count:,} images (correct)</source>
            <translation>истинный класс {true}, предсказан {predicted} — изображений: {count:,} (верно)</translation>
        </message>
        <message>
            <source>Click to see them.</source>
            <translation>Щёлкните, чтобы увидеть их.</translation>
        </message>
        <message>
            <source>predicted class</source>
            <translation>предсказанный класс</translation>
        </message>
        <message>
            <source>true class</source>
            <translation>истинный класс</translation>
        </message>
        <message>
            <source>{name}: no test images</source>
            <translation>{name}: нет тестовых изображений</translation>
        </message>
        <message>
            <source>{name}: {correct:,} of {total:,} correct ({share})</source>
            <translation>{name}: верно {correct:,} из {total:,} ({share})</translation>
        </message>
        <message>
            <source>{value:.0f} %</source>
            <translation>{value:.0f} %</translation>
        </message>
    </context>
    <context>
        <name>CorrectRow</name>
        <message>
            <source>Add this drawing to My digits as a {digit} (Ctrl+{digit} on the canvas)</source>
            <translation>Добавить этот рисунок в «Мои цифры» как {digit} (Ctrl+{digit} на холсте)</translation>
        </message>
        <message>
            <source>Draw a digit first: then a click here keeps it in My digits with the digit it really is</source>
            <translation>Сначала нарисуйте цифру: тогда щелчок здесь сохранит её в «Мои цифры» с правильной меткой</translation>
        </message>
        <message>
            <source>Correct it — this is a:</source>
            <translation>Исправить — это:</translation>
        </message>
    </context>
    <context>
        <name>CsvFile</name>
        <message>
            <source>{path}: no such file</source>
            <translation>{path}: нет такого файла</translation>
        </message>
        <message>
            <source>{file}: cannot read ({reason})</source>
            <translation>{file}: не удаётся прочитать ({reason})</translation>
        </message>
        <message>
            <source>{file}: the file is empty</source>
            <translation>{file}: файл пуст</translation>
        </message>
        <message>
            <source>{file}: line {line} has {values} comma-separated values but line 1 has {first}</source>
            <translation>{file}: в строке {line} значений через запятую — {values}, а в строке 1 — {first}</translation>
        </message>
        <message>
            <source>{file}: {columns} columns; expected {labelled} (a label and {pixels} pixels of a 28×28 image) or {pixels} (pixels only)</source>
            <translation>{file}: столбцов — {columns}; ожидается {labelled} (метка и {pixels} пикселей изображения 28×28) или {pixels} (только пиксели)</translation>
        </message>
        <message>
            <source>{file}: has a header line but no images</source>
            <translation>{file}: есть строка заголовка, но нет изображений</translation>
        </message>
        <message>
            <source>{file}: the label column must come first, found it in column {column}</source>
            <translation>{file}: столбец меток должен быть первым, а он найден в столбце {column}</translation>
        </message>
        <message>
            <source>{file}: a 'label' column and only {pixels} pixels</source>
            <translation>{file}: есть столбец «label», но пикселей только {pixels}</translation>
        </message>
        <message>
            <source>{file}: line {line}, column {column}: {text!r} is not a number</source>
            <translation>{file}: строка {line}, столбец {column}: {text!r} — не число</translation>
        </message>
        <message>
            <source>{file}: lines {first}-{last} hold something that is not a number</source>
            <translation>{file}: в строках {first}–{last} есть что-то, что не является числом</translation>
        </message>
        <message>
            <source>{file}: line {line}: label {text} is not a digit 0..{high}</source>
            <translation>{file}: строка {line}: метка {text} — не цифра от 0 до {high}</translation>
        </message>
        <message>
            <source>{file}: line {line}, column {column}: pixel value {text} is not a whole number 0..{high}</source>
            <translation>{file}: строка {line}, столбец {column}: значение пикселя {text} — не целое число от 0 до {high}</translation>
        </message>
    </context>
    <context>
        <name>Dataset</name>
        <message>
            <source>{name}: images must be a 2-D uint8 array, got {dtype} {shape}</source>
            <translation>{name}: изображения должны быть двумерным массивом uint8, получено {dtype} {shape}</translation>
        </message>
        <message>
            <source>{name}: rows of {values} values do not fit {shape}</source>
            <translation>{name}: строки из {values} значений не подходят к форме {shape}</translation>
        </message>
        <message>
            <source>{name}: {labels} labels for {images} images</source>
            <translation>{name}: меток — {labels}, а изображений — {images}</translation>
        </message>
        <message>
            <source>{name}: labels must lie in 0..{high}</source>
            <translation>{name}: метки должны лежать в диапазоне 0..{high}</translation>
        </message>
        <message>
            <source>{name}: pixel values exceed {high}</source>
            <translation>{name}: значения пикселей превышают {high}</translation>
        </message>
        <message>
            <source>a subset must hold at least one image, got {n}</source>
            <translation>подмножество должно содержать хотя бы одно изображение, получено {n}</translation>
        </message>
        <message>
            <source>validation share must be in [0, 1), got {fraction}</source>
            <translation>доля валидационной выборки должна быть в [0, 1), получено {fraction}</translation>
        </message>
    </context>
    <context>
        <name>DatasetDialogs</name>
        <message>
            <source>{title} cannot be used yet</source>
            <translation>«{title}» пока нельзя использовать</translation>
        </message>
        <message>
            <source>{title} is not here yet</source>
            <translation>{title} пока нет на компьютере</translation>
        </message>
        <message>
            <source>{title} is not on this computer yet. Download it (about 12–30 MB, checksums verified) or import files you already have?</source>
            <translation>Набора данных {title} пока нет на этом компьютере. Скачать его (около 12–30 МБ, с проверкой контрольных сумм) или импортировать уже имеющиеся файлы?</translation>
        </message>
        <message>
            <source>Download</source>
            <translation>Скачать</translation>
        </message>
        <message>
            <source>Import files…</source>
            <translation>Импорт файлов…</translation>
        </message>
        <message>
            <source>Import {title} files</source>
            <translation>Импорт файлов {title}</translation>
        </message>
        <message>
            <source>Datasets (*.gz *-ubyte *.idx *.csv *.npz);;All files (*)</source>
            <translation>Наборы данных (*.gz *-ubyte *.idx *.csv *.npz);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>Импорт не удался</translation>
        </message>
        <message>
            <source>Import incomplete</source>
            <translation>Импорт не завершён</translation>
        </message>
        <message>
            <source>Imported, but {title} still lacks some of its four files (train and test images and labels).</source>
            <translation>Импорт выполнен, но в {title} по-прежнему не хватает некоторых из четырёх файлов (обучающие и тестовые изображения и метки).</translation>
        </message>
        <message>
            <source>Importing 1 file into {title}…</source>
            <translation>Импорт 1 файла в {title}…</translation>
        </message>
        <message numerus="yes">
            <source>Importing %n files into {title}…</source>
            <translation>
                <numerusform>Импорт %n файла в {title}…</numerusform>
                <numerusform>Импорт %n файлов в {title}…</numerusform>
                <numerusform>Импорт %n файлов в {title}…</numerusform>
            </translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>Downloading {title}…</source>
            <translation>Скачивание {title}…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Download failed</source>
            <translation>Скачивание не удалось</translation>
        </message>
        <message>
            <source>Downloading {file}… {done:.1f} MB of {total:.1f} MB</source>
            <translation>Скачивание {file}… {done:.1f} МБ из {total:.1f} МБ</translation>
        </message>
        <message>
            <source>Downloading {file}… {done:.1f} MB</source>
            <translation>Скачивание {file}… {done:.1f} МБ</translation>
        </message>
    </context>
    <context>
        <name>Datasets</name>
        <message>
            <source>8×8 digits</source>
            <translation>Цифры 8×8</translation>
        </message>
        <message>
            <source>My digits</source>
            <translation>Мои цифры</translation>
        </message>
    </context>
    <context>
        <name>DigitGrid</name>
        <message>
            <source>Held out: never trained on by Teach it my digits, used to measure it honestly</source>
            <translation>Отложена: на ней «Дообучить на моих цифрах» никогда не обучает модель; по ней честно измеряется результат</translation>
        </message>
        <message>
            <source>{label} — no digits yet</source>
            <translation>{label} — цифр пока нет</translation>
        </message>
        <message>
            <source>{label} — 1 digit, {wrong} misread</source>
            <translation>{label} — 1 цифра, прочитано неверно: {wrong}</translation>
        </message>
        <message>
            <source>{label} — 1 digit</source>
            <translation>{label} — 1 цифра</translation>
        </message>
        <message numerus="yes">
            <source>{label} — %n digits, {wrong} misread</source>
            <translation>
                <numerusform>{label} — %n цифра, прочитано неверно: {wrong}</numerusform>
                <numerusform>{label} — %n цифры, прочитано неверно: {wrong}</numerusform>
                <numerusform>{label} — %n цифр, прочитано неверно: {wrong}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{label} — %n digits</source>
            <translation>
                <numerusform>{label} — %n цифра</numerusform>
                <numerusform>{label} — %n цифры</numerusform>
                <numerusform>{label} — %n цифр</numerusform>
            </translation>
        </message>
        <message>
            <source>Saved as a {label}</source>
            <translation>Сохранено как {label}</translation>
        </message>
        <message>
            <source>Saved as a {label}; the model reads it right</source>
            <translation>Сохранено как {label}; модель читает верно</translation>
        </message>
        <message>
            <source>Saved as a {label}; the model reads a {reading}</source>
            <translation>Сохранено как {label}; модель читает как {reading}</translation>
        </message>
    </context>
    <context>
        <name>DigitWords</name>
        <message numerus="yes">
            <source>%n zero</source>
            <translation>
                <numerusform>%n ноль</numerusform>
                <numerusform>%n нуля</numerusform>
                <numerusform>%n нулей</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n one</source>
            <translation>
                <numerusform>%n единица</numerusform>
                <numerusform>%n единицы</numerusform>
                <numerusform>%n единиц</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n two</source>
            <translation>
                <numerusform>%n двойка</numerusform>
                <numerusform>%n двойки</numerusform>
                <numerusform>%n двоек</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n three</source>
            <translation>
                <numerusform>%n тройка</numerusform>
                <numerusform>%n тройки</numerusform>
                <numerusform>%n троек</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n four</source>
            <translation>
                <numerusform>%n четвёрка</numerusform>
                <numerusform>%n четвёрки</numerusform>
                <numerusform>%n четвёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n five</source>
            <translation>
                <numerusform>%n пятёрка</numerusform>
                <numerusform>%n пятёрки</numerusform>
                <numerusform>%n пятёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n six</source>
            <translation>
                <numerusform>%n шестёрка</numerusform>
                <numerusform>%n шестёрки</numerusform>
                <numerusform>%n шестёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n seven</source>
            <translation>
                <numerusform>%n семёрка</numerusform>
                <numerusform>%n семёрки</numerusform>
                <numerusform>%n семёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n eight</source>
            <translation>
                <numerusform>%n восьмёрка</numerusform>
                <numerusform>%n восьмёрки</numerusform>
                <numerusform>%n восьмёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nine</source>
            <translation>
                <numerusform>%n девятка</numerusform>
                <numerusform>%n девятки</numerusform>
                <numerusform>%n девяток</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n zeros</source>
            <translation>
                <numerusform>%n ноль</numerusform>
                <numerusform>%n нуля</numerusform>
                <numerusform>%n нулей</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ones</source>
            <translation>
                <numerusform>%n единица</numerusform>
                <numerusform>%n единицы</numerusform>
                <numerusform>%n единиц</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n twos</source>
            <translation>
                <numerusform>%n двойка</numerusform>
                <numerusform>%n двойки</numerusform>
                <numerusform>%n двоек</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n threes</source>
            <translation>
                <numerusform>%n тройка</numerusform>
                <numerusform>%n тройки</numerusform>
                <numerusform>%n троек</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fours</source>
            <translation>
                <numerusform>%n четвёрка</numerusform>
                <numerusform>%n четвёрки</numerusform>
                <numerusform>%n четвёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fives</source>
            <translation>
                <numerusform>%n пятёрка</numerusform>
                <numerusform>%n пятёрки</numerusform>
                <numerusform>%n пятёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sixes</source>
            <translation>
                <numerusform>%n шестёрка</numerusform>
                <numerusform>%n шестёрки</numerusform>
                <numerusform>%n шестёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sevens</source>
            <translation>
                <numerusform>%n семёрка</numerusform>
                <numerusform>%n семёрки</numerusform>
                <numerusform>%n семёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n eights</source>
            <translation>
                <numerusform>%n восьмёрка</numerusform>
                <numerusform>%n восьмёрки</numerusform>
                <numerusform>%n восьмёрок</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nines</source>
            <translation>
                <numerusform>%n девятка</numerusform>
                <numerusform>%n девятки</numerusform>
                <numerusform>%n девяток</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n digit from {sources} ({per_digit}); My digits now holds {total}.</source>
            <translation>
                <numerusform>Из {sources} импортирована %n цифра ({per_digit}); всего в «Моих цифрах»: {total}.</numerusform>
                <numerusform>Из {sources} импортированы %n цифры ({per_digit}); всего в «Моих цифрах»: {total}.</numerusform>
                <numerusform>Из {sources} импортировано %n цифр ({per_digit}); всего в «Моих цифрах»: {total}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n digits from {sources} ({per_digit}); My digits now holds {total}.</source>
            <translation>
                <numerusform>Из {sources} импортирована %n цифра ({per_digit}); всего в «Моих цифрах»: {total}.</numerusform>
                <numerusform>Из {sources} импортированы %n цифры ({per_digit}); всего в «Моих цифрах»: {total}.</numerusform>
                <numerusform>Из {sources} импортировано %n цифр ({per_digit}); всего в «Моих цифрах»: {total}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Digits8x8</name>
        <message>
            <source>the bundled {file} cannot be read ({reason}); reinstall digitpad</source>
            <translation>не удаётся прочитать встроенный файл {file} ({reason}); переустановите digitpad</translation>
        </message>
        <message>
            <source>the bundled {file} is damaged ({reason}); reinstall digitpad</source>
            <translation>встроенный файл {file} повреждён ({reason}); переустановите digitpad</translation>
        </message>
        <message>
            <source>the bundled {file} holds {found} numbers, expected {expected}; reinstall digitpad</source>
            <translation>во встроенном файле {file} чисел: {found}, а ожидалось {expected}; переустановите digitpad</translation>
        </message>
        <message>
            <source>the bundled {file} has pixel values outside 0..{high}; reinstall digitpad</source>
            <translation>во встроенном файле {file} есть значения пикселей вне диапазона 0..{high}; переустановите digitpad</translation>
        </message>
    </context>
    <context>
        <name>Doctor</name>
        <message>
            <source>{message} Each update was so large that the weights grew until the numbers overflowed.</source>
            <translation>{message} Каждое обновление было так велико, что веса росли, пока числа не переполнились.</translation>
        </message>
        <message>
            <source>Training blew up (NaN)</source>
            <translation>Обучение «взорвалось» (NaN)</translation>
        </message>
        <message>
            <source>The gradient of layer {layer} reached {peak:.3g}, {growth:.3g}× its size on the first batch ({first:.3g}). Each update then throws the weights far off, so the loss jumps instead of falling and units can be knocked out for good.</source>
            <translation>Градиент слоя {layer} достиг {peak:.3g} — это ×{growth:.3g} от его величины на первом батче ({first:.3g}). После этого каждое обновление отбрасывает веса далеко в сторону, поэтому потери скачут, а не снижаются, и нейроны могут выйти из строя навсегда.</translation>
        </message>
        <message>
            <source>The gradient of layer {layer} reached {peak:.3g}. Each update then throws the weights far off, so the loss jumps instead of falling and units can be knocked out for good.</source>
            <translation>Градиент слоя {layer} достиг {peak:.3g}. После этого каждое обновление отбрасывает веса далеко в сторону, поэтому потери скачут, а не снижаются, и нейроны могут выйти из строя навсегда.</translation>
        </message>
        <message>
            <source>Exploding gradients</source>
            <translation>Взрыв градиентов</translation>
        </message>
        <message>
            <source>The training loss rose from {low:.3g} on the first batch to {latest:.3g} in epoch {last}. Steps that are too large overshoot the bottom of the valley and climb its other side.</source>
            <translation>Потери на обучающей выборке выросли с {low:.3g} на первом батче до {latest:.3g} на эпохе {last}. Слишком большие шаги перескакивают дно долины и взбираются на противоположный склон.</translation>
        </message>
        <message>
            <source>The training loss rose from {low:.3g} in epoch {first} to {latest:.3g} in epoch {last}. Steps that are too large overshoot the bottom of the valley and climb its other side.</source>
            <translation>Потери на обучающей выборке выросли с {low:.3g} на эпохе {first} до {latest:.3g} на эпохе {last}. Слишком большие шаги перескакивают дно долины и взбираются на противоположный склон.</translation>
        </message>
        <message>
            <source>The loss went up</source>
            <translation>Потери выросли</translation>
        </message>
        <message>
            <source>Layer {layer} is dead</source>
            <translation>Слой {layer} «мёртв»</translation>
        </message>
        <message>
            <source>{share:.0%} of the ReLU units of layer {layer} output 0 for every one of the {probe} probe images. A ReLU that never fires has zero gradient, so it never learns again; with all of them dead no gradient reaches layer {layer} or below, and the output cannot depend on the image.</source>
            <translation>{share:.0%} нейронов ReLU слоя {layer} выдают 0 на каждом из контрольных изображений (всего {probe}). Нейрон ReLU, который никогда не активируется, имеет нулевой градиент и поэтому больше не обучается; когда «мертвы» все нейроны, градиент не доходит ни до слоя {layer}, ни до слоёв под ним, и выход не может зависеть от изображения.</translation>
        </message>
        <message>
            <source>Dead ReLU units</source>
            <translation>«Мёртвые» нейроны ReLU</translation>
        </message>
        <message>
            <source>{share:.0%} of the ReLU units of layer {layer} output 0 for every one of the {probe} probe images. A ReLU that never fires has zero gradient, so it never learns again; the network learns with the rest, at reduced capacity.</source>
            <translation>{share:.0%} нейронов ReLU слоя {layer} выдают 0 на каждом из контрольных изображений (всего {probe}). Нейрон ReLU, который никогда не активируется, имеет нулевой градиент и поэтому больше не обучается; сеть обучается на остальных нейронах, но её ёмкость снижена.</translation>
        </message>
        <message>
            <source>Use He initialisation: with N(0, 0.01²) weights the signal is so small that a slight drift of the biases switches units off.</source>
            <translation>Используйте инициализацию He: при весах из N(0, 0.01²) сигнал так мал, что небольшой дрейф смещений отключает нейроны.</translation>
        </message>
        <message>
            <source>A step too large (the loss spiked to {peak:.3g}) pushed these units far negative. {remedy}</source>
            <translation>Слишком большой шаг (потери подскочили до {peak:.3g}) сдвинул эти нейроны далеко в отрицательную область. {remedy}</translation>
        </message>
        <message>
            <source>Use leaky ReLU: its small slope below zero keeps a gradient flowing, so a silent unit can come back. A lower learning rate also kills fewer units.</source>
            <translation>Используйте ReLU с утечкой: небольшой наклон ниже нуля сохраняет поток градиента, и «замолчавший» нейрон может ожить. Меньшая скорость обучения тоже губит меньше нейронов.</translation>
        </message>
        <message>
            <source>The gradient reaching layer 1 is {ratio:.1e} of the one at layer {layers} ({first:.2g} against {last:.2g}, median over the last epoch). On the way back each layer multiplies the error by its slope and its weights, so the first layers barely change.</source>
            <translation>Градиент, доходящий до слоя 1, составляет {ratio:.1e} от градиента на слое {layers} ({first:.2g} против {last:.2g}, медиана за последнюю эпоху). На обратном пути каждый слой умножает ошибку на свой наклон и на свои веса, поэтому первые слои почти не меняются.</translation>
        </message>
        <message>
            <source>Every layer's gradient is below {tiny:g} (largest {largest:.1e}) while the loss is still {loss:.3g}: the signal shrinks layer after layer on the way in, the error on the way back, and the weights hardly move.</source>
            <translation>Градиент каждого слоя меньше {tiny:g} (наибольший — {largest:.1e}), хотя потери всё ещё равны {loss:.3g}: сигнал ослабевает от слоя к слою на прямом проходе, ошибка — на обратном, и веса почти не сдвигаются.</translation>
        </message>
        <message>
            <source>Use ReLU with He initialisation: a sigmoid's slope is at most 0.25, so through three or more sigmoid layers the gradient shrinks whatever the initialisation.</source>
            <translation>Используйте ReLU с инициализацией He: наклон sigmoid не больше 0,25, поэтому через три и более слоёв sigmoid градиент затухает при любой инициализации.</translation>
        </message>
        <message>
            <source>Use {name} initialisation: it scales each layer's weights to its width so signals keep their size, where N(0, 0.01²) shrinks them.</source>
            <translation>Используйте инициализацию {name}: она масштабирует веса каждого слоя под его ширину, чтобы сигналы сохраняли свою величину, тогда как N(0, 0.01²) их ослабляет.</translation>
        </message>
        <message>
            <source>Vanishing gradients</source>
            <translation>Затухание градиентов</translation>
        </message>
        <message>
            <source>{share:.0%} of the sigmoid outputs of layer {layer} are below 0.01 or above 0.99 on the probe images. There the curve is flat: its slope, and with it the gradient passed back, is nearly 0, so these units learn very slowly.</source>
            <translation>{share:.0%} выходов sigmoid слоя {layer} на контрольных изображениях меньше 0,01 или больше 0,99. Там кривая почти плоская: её наклон, а с ним и передаваемый назад градиент, близок к 0, поэтому эти нейроны обучаются очень медленно.</translation>
        </message>
        <message>
            <source>{share:.0%} of the {activation} outputs of layer {layer} are beyond ±0.99 on the probe images. There the curve is flat: its slope, and with it the gradient passed back, is nearly 0, so these units learn very slowly.</source>
            <translation>{share:.0%} выходов {activation} слоя {layer} на контрольных изображениях выходят за пределы ±0,99. Там кривая почти плоская: её наклон, а с ним и передаваемый назад градиент, близок к 0, поэтому эти нейроны обучаются очень медленно.</translation>
        </message>
        <message>
            <source>Use Glorot initialisation: U(−1, 1) weights add up to sums far beyond the sigmoid's working range; Glorot scales them to the layer's width.</source>
            <translation>Используйте инициализацию Glorot: веса из U(−1, 1) складываются в суммы далеко за пределами рабочего диапазона sigmoid; Glorot масштабирует их под ширину слоя.</translation>
        </message>
        <message>
            <source>Use ReLU, which does not saturate for positive inputs, or lower the learning rate so the weights grow less.</source>
            <translation>Используйте ReLU, которая не насыщается при положительных входах, или уменьшите скорость обучения, чтобы веса росли меньше.</translation>
        </message>
        <message>
            <source>Saturated units</source>
            <translation>Насыщенные нейроны</translation>
        </message>
        <message>
            <source>Across {probe} probe images the outputs vary by only {std:.4f} on average (a trained network: 0.2–0.3). The network gives every image nearly the same answer (about {share:.2g} for every class): it has learned how often each class occurs and nothing about the images.</source>
            <translation>Разброс выходов по контрольным изображениям (всего {probe}) в среднем лишь {std:.4f} (у обученной сети — 0,2–0,3). Сеть даёт почти одинаковый ответ на любое изображение (около {share:.2g} для каждого класса): она выучила, как часто встречается каждый класс, и ничего не узнала об изображениях.</translation>
        </message>
        <message>
            <source>Across {probe} probe images the outputs vary by only {std:.4f} on average (a trained network: 0.2–0.3). The network gives every image nearly the same answer: it has learned how often each class occurs and nothing about the images.</source>
            <translation>Разброс выходов по контрольным изображениям (всего {probe}) в среднем лишь {std:.4f} (у обученной сети — 0,2–0,3). Сеть даёт почти одинаковый ответ на любое изображение: она выучила, как часто встречается каждый класс, и ничего не узнала об изображениях.</translation>
        </message>
        <message>
            <source>Same output for every image</source>
            <translation>Одинаковый выход для всех изображений</translation>
        </message>
        <message>
            <source>For {epochs} epochs the loss has stayed near ln({n}) ≈ {chance:.3f}, the loss of guessing every class with equal probability (training accuracy {accuracy:.0%}).</source>
            <translation>Потери держатся около ln({n}) ≈ {chance:.3f} (эпох подряд: {epochs}) — это потери при угадывании, когда все классы равновероятны (точность на обучающей выборке {accuracy:.0%}).</translation>
        </message>
        <message>
            <source>For {epochs} epochs the training accuracy has stayed at {accuracy:.0%}, about what guessing gets ({chance:.0%}).</source>
            <translation>Точность на обучающей выборке держится на уровне {accuracy:.0%} (эпох подряд: {epochs}) — примерно столько даёт случайное угадывание ({chance:.0%}).</translation>
        </message>
        <message>
            <source>Stuck at chance</source>
            <translation>Не лучше случайного угадывания</translation>
        </message>
        <message>
            <source>From epoch {first} to {last} the training loss stayed at {low:.3g}, flat on the loss plot (it began at {start:.3g}), though the learning rate is still {share:.0%} of its starting value.</source>
            <translation>С эпохи {first} по эпоху {last} потери на обучающей выборке держались на уровне {low:.3g} — ровная линия на графике потерь (в начале было {start:.3g}), хотя скорость обучения всё ещё составляет {share:.0%} от начальной.</translation>
        </message>
        <message>
            <source>From epoch {first} to {last} the training loss stayed between {low:.3g} and {high:.3g}, flat on the loss plot (it began at {start:.3g}), though the learning rate is still {share:.0%} of its starting value.</source>
            <translation>С эпохи {first} по эпоху {last} потери на обучающей выборке держались в пределах от {low:.3g} до {high:.3g} — ровная линия на графике потерь (в начале было {start:.3g}), хотя скорость обучения всё ещё составляет {share:.0%} от начальной.</translation>
        </message>
        <message>
            <source>The loss has stopped falling</source>
            <translation>Потери перестали снижаться</translation>
        </message>
        <message>
            <source>Scale the inputs to 0–1: raw pixel values (up to 255, or 16 for the 8×8 digits) make every weighted sum and every update that much larger.</source>
            <translation>Приведите входы к диапазону 0–1: «сырые» значения пикселей (до 255 или до 16 у цифр 8×8) во столько же раз увеличивают каждую взвешенную сумму и каждое обновление.</translation>
        </message>
        <message>
            <source>Average the gradient over the batch instead of summing it: a sum makes every step batch-size times larger ({batch} images).</source>
            <translation>Усредняйте градиент по батчу, а не суммируйте: сумма делает каждый шаг во столько раз больше, сколько изображений в батче (размер батча: {batch}).</translation>
        </message>
        <message>
            <source>Average the gradient over the batch instead of summing it: a sum makes every step batch-size times larger (all images).</source>
            <translation>Усредняйте градиент по батчу, а не суммируйте: сумма делает каждый шаг во столько раз больше, сколько изображений в батче (здесь батч — все изображения).</translation>
        </message>
        <message>
            <source>Divide the learning rate by 10, from {lr:g} to {new:g}.</source>
            <translation>Уменьшите скорость обучения в 10 раз: с {lr:g} до {new:g}.</translation>
        </message>
        <message>
            <source>Classify instead: one output predicting label/10 must put a 1 between a 0 and a 2, so the net learns to hedge between neighbouring digits. Ten outputs with softmax + cross-entropy do not.</source>
            <translation>Решайте задачу классификации: один выход, предсказывающий метку/10, должен ставить 1 между 0 и 2, поэтому сеть учится «осторожничать» между соседними цифрами. У десяти выходов с softmax и кросс-энтропией такой проблемы нет.</translation>
        </message>
        <message>
            <source>The learning rate {lr:g} is small for {optimizer}: multiply it by 10, to {new:g}.</source>
            <translation>Скорость обучения {lr:g} мала для {optimizer}: увеличьте её в 10 раз, до {new:g}.</translation>
        </message>
        <message>
            <source>Use ReLU with He initialisation: its slope is 1 wherever it is active, so the error signal reaches every layer at full strength.</source>
            <translation>Используйте ReLU с инициализацией He: там, где она активна, её наклон равен 1, поэтому сигнал ошибки доходит до каждого слоя в полную силу.</translation>
        </message>
        <message>
            <source>Try more hidden units, or check that the labels belong to the images.</source>
            <translation>Попробуйте увеличить число нейронов в скрытых слоях или проверьте, что метки соответствуют изображениям.</translation>
        </message>
    </context>
    <context>
        <name>DoctorPanel</name>
        <message>
            <source>problem</source>
            <translation>проблема</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>предупреждение</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>скорость обучения</translation>
        </message>
        <message>
            <source>initialiser</source>
            <translation>инициализация</translation>
        </message>
        <message>
            <source>scale inputs</source>
            <translation>масштабировать входы</translation>
        </message>
        <message>
            <source>sum the gradient</source>
            <translation>суммировать градиент</translation>
        </message>
        <message>
            <source>output + loss</source>
            <translation>выход + потери</translation>
        </message>
        <message>
            <source>hidden layers</source>
            <translation>скрытые слои</translation>
        </message>
        <message>
            <source>images</source>
            <translation>изображения</translation>
        </message>
        <message>
            <source>random shift</source>
            <translation>случайный сдвиг</translation>
        </message>
        <message>
            <source>batch size</source>
            <translation>размер батча</translation>
        </message>
        <message>
            <source>weight decay</source>
            <translation>снижение весов</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>функция активации</translation>
        </message>
        <message>
            <source>regression</source>
            <translation>регрессия</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>оптимизатор</translation>
        </message>
        <message>
            <source>{setting} → {value}</source>
            <translation>{setting} → {value}</translation>
        </message>
        <message>
            <source>on</source>
            <translation>вкл.</translation>
        </message>
        <message>
            <source>off</source>
            <translation>выкл.</translation>
        </message>
        <message>
            <source>The training doctor: problems it sees in the current run, why they happen, and what to change.</source>
            <translation>Диагностика обучения: проблемы, которые она видит в текущем запуске, их причины и что изменить.</translation>
        </message>
        <message>
            <source>&lt;b&gt;No problems seen&lt;/b&gt;&lt;br&gt;While you train, the doctor watches the loss, each layer's gradient size and, after every epoch, how the hidden units respond to a fixed batch of training images. It speaks up about a loss that is flat, rising or stuck at chance, outputs that ignore the image, saturated or dead units, and gradients that vanish or explode.</source>
            <translation>&lt;b&gt;Проблем не обнаружено&lt;/b&gt;&lt;br&gt;Во время обучения диагностика следит за потерями, величиной градиента каждого слоя и после каждой эпохи — за тем, как нейроны скрытых слоёв реагируют на фиксированный батч изображений из обучающей выборки. Она сообщит, если потери не меняются, растут или застряли на уровне случайного угадывания, если выходы не зависят от изображения, если нейроны насыщены или «мертвы», а также если градиенты затухают или взрываются.</translation>
        </message>
        <message>
            <source>The loss plot shades the epochs this card speaks of while the pointer is on it.</source>
            <translation>Пока указатель находится на карточке, на графике потерь выделены эпохи, о которых она говорит.</translation>
        </message>
        <message>
            <source>A problem: training cannot work like this.</source>
            <translation>Проблема: так обучение работать не может.</translation>
        </message>
        <message>
            <source>A warning: training works, but less well than it could.</source>
            <translation>Предупреждение: обучение идёт, но хуже, чем могло бы.</translation>
        </message>
        <message>
            <source>since epoch {epoch}</source>
            <translation>с эпохи {epoch}</translation>
        </message>
        <message>
            <source>layer {layer}</source>
            <translation>слой {layer}</translation>
        </message>
        <message>
            <source>&lt;b&gt;What to do:&lt;/b&gt; {suggestion}</source>
            <translation>&lt;b&gt;Что делать:&lt;/b&gt; {suggestion}</translation>
        </message>
        <message>
            <source>Applied ✓</source>
            <translation>Применено ✓</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Применить</translation>
        </message>
        <message>
            <source>Set {change} in the Train tab; the change takes effect on the next run.</source>
            <translation>Установить {change} на вкладке «Обучение»; изменение вступит в силу при следующем запуске.</translation>
        </message>
        <message>
            <source>Applied: {change}.</source>
            <translation>Применено: {change}.</translation>
        </message>
        <message>
            <source>Fix: {change}</source>
            <translation>Исправление: {change}</translation>
        </message>
        <message>
            <source>epochs {first}–{last}</source>
            <translation>эпохи {first}–{last}</translation>
        </message>
        <message>
            <source>first batch to epoch {last}</source>
            <translation>от первого батча до эпохи {last}</translation>
        </message>
    </context>
    <context>
        <name>Download</name>
        <message>
            <source>{file}: not a valid IDX file ({reason})</source>
            <translation>{file}: недопустимый файл IDX ({reason})</translation>
        </message>
        <message>
            <source>{file}: checksum mismatch (md5 {md5} is not the published one)</source>
            <translation>{file}: контрольная сумма не совпадает (md5 {md5} отличается от опубликованной)</translation>
        </message>
        <message>
            <source>could not download {file} of {title}: no mirrors given</source>
            <translation>не удалось скачать {file} из набора {title}: не указано ни одного зеркала</translation>
        </message>
        <message>
            <source>could not download {file} of {title}:{reasons}</source>
            <translation>не удалось скачать {file} из набора {title}:{reasons}</translation>
        </message>
        <message>
            <source>connection dropped after {done} of {total} bytes</source>
            <translation>соединение оборвалось после {done} из {total} байт</translation>
        </message>
        <message>
            <source>no internet connection (could not reach any mirror of {title}); import files you have with `digitpad data import FILES` or use the bundled 8×8 digits (--dataset digits8x8)</source>
            <translation>нет подключения к интернету (не удалось связаться ни с одним зеркалом {title}); импортируйте имеющиеся файлы командой `digitpad data import FILES` или используйте встроенные цифры 8×8 (--dataset digits8x8)</translation>
        </message>
    </context>
    <context>
        <name>DrawingCanvas</name>
        <message>
            <source>Draw a digit</source>
            <translation>Нарисуйте цифру</translation>
        </message>
        <message>
            <source>{prompt} here.
Left button draws, right button erases.
Ctrl+Z undoes the last stroke, Esc clears the canvas.</source>
            <translation>{prompt} здесь.
Левая кнопка рисует, правая стирает.
Ctrl+Z отменяет последний штрих, Esc очищает холст.</translation>
        </message>
        <message>
            <source>{prompt} here.
Left button draws, right button erases.
Ctrl+Z undoes the last stroke, Esc clears the canvas.

Coloured overlay: red cells push the network towards its top answer (more ink there raises its score), blue cells push away from it.</source>
            <translation>{prompt} здесь.
Левая кнопка рисует, правая стирает.
Ctrl+Z отменяет последний штрих, Esc очищает холст.

Цветная подсветка: красные клетки подталкивают сеть к её главному ответу (больше чернил там повышает его оценку), синие — уводят от него.</translation>
        </message>
    </context>
    <context>
        <name>DrawingHistoryPlot</name>
        <message>
            <source>Train to see the prediction form, epoch by epoch</source>
            <translation>Обучите сеть, чтобы увидеть, как от эпохи к эпохе складывается предсказание</translation>
        </message>
        <message>
            <source>Draw to see its prediction, epoch by epoch</source>
            <translation>Нарисуйте что-нибудь, чтобы увидеть, как от эпохи к эпохе складывалось предсказание</translation>
        </message>
        <message>
            <source>probability</source>
            <translation>вероятность</translation>
        </message>
        <message>
            <source>How the network's prediction for your drawing formed during the run: each class's probability
after each epoch, from the weights the network had then. Thick line: the class predicted now;
thin lines: the other classes. A regression model shows its output × 10 instead.
Switched-off units count as off at every epoch. Right-click for the grid and export.</source>
            <translation>Как складывалось предсказание сети для вашего рисунка во время запуска: вероятность каждого класса
после каждой эпохи, по весам, которые были у сети в тот момент. Толстая линия — класс, предсказанный сейчас;
тонкие линии — остальные классы. Регрессионная модель вместо этого показывает свой выход × 10.
Отключённые нейроны считаются отключёнными на каждой эпохе. Правый щелчок — сетка и экспорт.</translation>
        </message>
        <message>
            <source>output × {scale}: {value:.1f}</source>
            <translation>выход × {scale}: {value:.1f}</translation>
        </message>
        <message>
            <source>{name}: {probability:.0%}</source>
            <translation>{name}: {probability:.0%}</translation>
        </message>
        <message>
            <source>The class predicted after the latest epoch, and its probability then (the thick line).</source>
            <translation>Класс, предсказанный после последней эпохи, и его вероятность в тот момент (толстая линия).</translation>
        </message>
        <message>
            <source>output × 10</source>
            <translation>выход × 10</translation>
        </message>
    </context>
    <context>
        <name>DrawingPrediction</name>
        <message>
            <source>the output value</source>
            <translation>выходное значение</translation>
        </message>
        <message>
            <source>“{name}”</source>
            <translation>«{name}»</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>ONNX export needs the onnx package: pip install 'digitpad[onnx]'</source>
            <translation>Для экспорта в ONNX нужен пакет onnx: pip install 'digitpad[onnx]'</translation>
        </message>
        <message>
            <source>cannot write {path}: {error}</source>
            <translation>не удаётся записать {path}: {error}</translation>
        </message>
        <message>
            <source>a PyTorch script's name ends in .py, not {name!r}</source>
            <translation>имя скрипта PyTorch должно оканчиваться на .py, а не {name!r}</translation>
        </message>
        <message>
            <source>the test image has {pixels} pixels; the model reads {inputs}</source>
            <translation>в тестовом изображении {pixels} пикселей, а модель принимает {inputs}</translation>
        </message>
        <message>
            <source>cannot write {path} and {weights}: {error}</source>
            <translation>не удаётся записать {path} и {weights}: {error}</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <source>ONNX models (*.onnx);;All files (*)</source>
            <translation>Модели ONNX (*.onnx);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Python scripts (*.py)</source>
            <translation>Скрипты Python (*.py)</translation>
        </message>
        <message>
            <source>Export as ONNX</source>
            <translation>Экспорт в ONNX</translation>
        </message>
        <message>
            <source>Exporting {file}…</source>
            <translation>Экспорт {file}…</translation>
        </message>
        <message>
            <source>Cannot check the export</source>
            <translation>Не удаётся проверить экспорт</translation>
        </message>
        <message>
            <source>Export as a PyTorch script</source>
            <translation>Экспорт в скрипт PyTorch</translation>
        </message>
        <message>
            <source>Exported {script} and {weights}; python {script} checks it against digitpad (it needs numpy and torch).</source>
            <translation>Экспортированы {script} и {weights}; команда python {script} сверяет их с digitpad (нужны numpy и torch).</translation>
        </message>
        <message>
            <source>Cannot export model</source>
            <translation>Не удаётся экспортировать модель</translation>
        </message>
        <message>
            <source>{file} was not written: {error}</source>
            <translation>Файл {file} не записан: {error}</translation>
        </message>
        <message>
            <source>Exported {file}. onnxruntime is not installed, so it was not run to compare (pip install onnxruntime).</source>
            <translation>Экспортирован {file}. onnxruntime не установлен, поэтому для сравнения файл не запускался (pip install onnxruntime).</translation>
        </message>
        <message>
            <source>the drawing</source>
            <translation>рисунке</translation>
        </message>
        <message>
            <source>Exported {file}; it could not be checked.</source>
            <translation>Экспортирован {file}; проверить его не удалось.</translation>
        </message>
        <message>
            <source>{file} was written, but: {error}</source>
            <translation>Файл {file} записан, но: {error}</translation>
        </message>
        <message>
            <source>same model</source>
            <translation>та же модель</translation>
        </message>
        <message>
            <source>NOT the same model</source>
            <translation>НЕ та же модель</translation>
        </message>
        <message>
            <source>Exported {file} (a regression: its single output); {verdict}: max difference {difference:.1g} on {subject}.</source>
            <translation>Экспортирован {file} (регрессия: единственный выход); {verdict}: наибольшая разница {difference:.1g} на {subject}.</translation>
        </message>
        <message>
            <source>Exported {file}; {verdict}: max difference {difference:.1g} on {subject}.</source>
            <translation>Экспортирован {file}; {verdict}: наибольшая разница {difference:.1g} на {subject}.</translation>
        </message>
    </context>
    <context>
        <name>Finetune</name>
        <message>
            <source>mix (the share of each epoch that is your digits) must be above 0 and at most {high}, got {mix}</source>
            <translation>mix (доля ваших цифр в каждой эпохе) должна быть больше 0 и не больше {high}, получено {mix}</translation>
        </message>
        <message>
            <source>mnist_images must be at least 1, got {value}</source>
            <translation>mnist_images должно быть не меньше 1, получено {value}</translation>
        </message>
        <message>
            <source>batch size must be at least 1, got {value}</source>
            <translation>размер батча должен быть не меньше 1, получено {value}</translation>
        </message>
        <message>
            <source>{name} holds no digits to learn from; collect some of your own first</source>
            <translation>В наборе {name} нет цифр для обучения; сначала соберите несколько своих</translation>
        </message>
        <message>
            <source>{name} has no training images</source>
            <translation>В наборе {name} нет обучающих изображений</translation>
        </message>
        <message>
            <source>{name} has no test images</source>
            <translation>В наборе {name} нет тестовых изображений</translation>
        </message>
        <message>
            <source>My digits are 28×28 handwritten digits; this model reads {height}×{width} digits. Open or train a model on MNIST first</source>
            <translation>«Мои цифры» — это рукописные цифры 28×28, а эта модель читает цифры {height}×{width}. Сначала откройте или обучите модель на MNIST</translation>
        </message>
        <message>
            <source>My digits are the digits 0 to 9; this model tells apart {classes}, … Open or train a model on MNIST first</source>
            <translation>«Мои цифры» — это цифры от 0 до 9, а эта модель различает {classes}, … Сначала откройте или обучите модель на MNIST</translation>
        </message>
        <message>
            <source>this model predicts one number (a regression on label/10), not a probability for each digit; Teach it my digits needs a model with ten outputs</source>
            <translation>эта модель предсказывает одно число (регрессия на метку/10), а не вероятность каждой цифры; функции «Дообучить на моих цифрах» нужна модель с десятью выходами</translation>
        </message>
        <message>
            <source>{name} holds {height}×{width} images of {classes}, …; fine-tuning needs 28×28 digits 0 to 9 with pixels 0 to 255, as MNIST's</source>
            <translation>В наборе {name} изображения {height}×{width} классов {classes}, …; для дообучения нужны цифры 28×28 от 0 до 9 с пикселями от 0 до 255, как в MNIST</translation>
        </message>
        <message>
            <source>this model multiplies pixels by {scale:g}, which training cannot reproduce (it feeds pixels × 1/{high} or raw)</source>
            <translation>эта модель умножает пиксели на {scale:g}, а обучение так не умеет (оно подаёт пиксели × 1/{high} или как есть)</translation>
        </message>
    </context>
    <context>
        <name>FinetuneData</name>
        <message>
            <source>{name} has no held-out split: it has too few digits to keep any aside to test on</source>
            <translation>у набора {name} нет отложенной части: в нём слишком мало цифр, чтобы отложить какие-то для проверки</translation>
        </message>
        <message>
            <source>{name} has no held-out split: a stratified {share:.0%} of it ({digits:,} digits, drawn with seed {seed}) is kept aside to test on</source>
            <translation>у набора {name} нет отложенной части: для проверки откладывается стратифицированная доля {share:.0%} (цифр: {digits:,}, выбраны с зерном ГСЧ {seed})</translation>
        </message>
        <message>
            <source>fine-tuning mixes your digits with MNIST, which is not available: {error}</source>
            <translation>дообучение смешивает ваши цифры с MNIST, а он недоступен: {error}</translation>
        </message>
    </context>
    <context>
        <name>FinetuneReport</name>
        <message>
            <source>none held out yet: with more of your digits, a quarter is kept aside to test on, so no honest accuracy on your handwriting can be given</source>
            <translation>отложенных цифр пока нет: когда ваших цифр станет больше, четверть из них будет откладываться для проверки; пока же честную точность на вашем почерке указать нельзя</translation>
        </message>
        <message>
            <source>Your held-out digits (n={n:,})</source>
            <translation>Ваши отложенные цифры (n={n:,})</translation>
        </message>
        <message>
            <source>MNIST test ({n:,})</source>
            <translation>Тестовая выборка MNIST ({n:,})</translation>
        </message>
        <message>
            <source>same digit</source>
            <translation>та же цифра</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>другая цифра</translation>
        </message>
        <message>
            <source>This drawing</source>
            <translation>Этот рисунок</translation>
        </message>
        <message>
            <source>{change:+.1f} points</source>
            <translation>{change:+.1f} п. п.</translation>
        </message>
        <message>
            <source>{accuracy:.1%}</source>
            <translation>{accuracy:.1%}</translation>
        </message>
        <message>
            <source>{digit} ({probability:.0%})</source>
            <translation>{digit} ({probability:.0%})</translation>
        </message>
    </context>
    <context>
        <name>Glossary</name>
        <message>
            <source>image</source>
            <translation>изображение</translation>
        </message>
        <message>
            <source>One example to learn from or to classify: 28×28 (MNIST) or 8×8 pixels and its label.</source>
            <translation>Один пример для обучения или классификации: 28×28 (MNIST) или 8×8 пикселей и его метка.</translation>
        </message>
        <message>
            <source>epoch</source>
            <translation>эпоха</translation>
        </message>
        <message>
            <source>One pass over every training image.</source>
            <translation>Один проход по всем обучающим изображениям.</translation>
        </message>
        <message>
            <source>mini-batch</source>
            <translation>мини-батч</translation>
        </message>
        <message>
            <source>The images one step of gradient descent looks at; the batch size is how many. A full batch is every training image in one step.</source>
            <translation>Изображения, которые рассматривает один шаг градиентного спуска; размер батча — их количество. Полный батч — все обучающие изображения за один шаг.</translation>
        </message>
        <message>
            <source>step</source>
            <translation>шаг</translation>
        </message>
        <message>
            <source>One update of the weights, after one mini-batch.</source>
            <translation>Одно обновление весов после одного мини-батча.</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>скорость обучения</translation>
        </message>
        <message>
            <source>How far one step moves the weights along the gradient.</source>
            <translation>Насколько далеко один шаг сдвигает веса вдоль градиента.</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>оптимизатор</translation>
        </message>
        <message>
            <source>The rule that turns gradients into steps: SGD, SGD + momentum, Adam.</source>
            <translation>Правило, превращающее градиенты в шаги: SGD, SGD с моментом, Adam.</translation>
        </message>
        <message>
            <source>initialiser</source>
            <translation>способ инициализации</translation>
        </message>
        <message>
            <source>How the weights are drawn before training (He, Glorot, normal, uniform); drawing them is the initialisation.</source>
            <translation>Как выбираются веса перед обучением (He, Glorot, нормальное, равномерное распределение); их выбор и есть инициализация.</translation>
        </message>
        <message>
            <source>unit</source>
            <translation>нейрон</translation>
        </message>
        <message>
            <source>One output of a hidden layer: a weighted sum of its inputs through the activation.</source>
            <translation>Один выход скрытого слоя: взвешенная сумма его входов, пропущенная через функцию активации.</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>функция активации</translation>
        </message>
        <message>
            <source>The function a hidden unit applies to its sum: ReLU, sigmoid, tanh.</source>
            <translation>Функция, которую нейрон скрытого слоя применяет к своей сумме: ReLU, sigmoid, tanh.</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>потери</translation>
        </message>
        <message>
            <source>How wrong the network is on the images it was shown; training lowers it.</source>
            <translation>Насколько ошибается сеть на показанных ей изображениях; обучение их снижает.</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>валидационная выборка</translation>
        </message>
        <message>
            <source>Images held out of training to measure the network on images it has not learned.</source>
            <translation>Изображения, не участвующие в обучении, по которым сеть оценивают на том, чего она не выучила.</translation>
        </message>
        <message>
            <source>gradient</source>
            <translation>градиент</translation>
        </message>
        <message>
            <source>∂L/∂W, how the loss changes with each weight; backpropagation computes it.</source>
            <translation>∂L/∂W — как потери меняются с каждым весом; его вычисляет обратное распространение ошибки.</translation>
        </message>
    </context>
    <context>
        <name>GradCheckView</name>
        <message>
            <source>layer</source>
            <translation>слой</translation>
        </message>
        <message>
            <source>weights W: relative error</source>
            <translation>веса W: отн. ошибка</translation>
        </message>
        <message>
            <source>biases b: relative error</source>
            <translation>смещения b: отн. ошибка</translation>
        </message>
        <message>
            <source>result</source>
            <translation>результат</translation>
        </message>
        <message>
            <source>Run gradient check</source>
            <translation>Проверить градиент</translation>
        </message>
        <message>
            <source>Compare backpropagation with numerical derivatives on this model's architecture and the output + loss maths it trained with (a freshly initialised float64 copy, a few sampled weights per array)</source>
            <translation>Сравнить обратное распространение ошибки с численными производными для архитектуры этой модели и тех формул выхода и потерь, с которыми она обучалась (свежеинициализированная копия во float64, несколько случайно выбранных весов в каждом массиве)</translation>
        </message>
        <message>
            <source>Relative error ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖) over the sampled entries; a correct backward pass gives about 1e-8, the limit is {tolerance:g}</source>
            <translation>Относительная ошибка ‖аналитический − численный‖ / (‖аналитический‖ + ‖численный‖) по выбранным элементам; правильный обратный проход даёт около 1e-8, допуск — {tolerance:g}</translation>
        </message>
        <message>
            <source>A pass means that for every layer the gradient backpropagation computes matches the slope measured by nudging sampled weights up and down (relative error below {tolerance:g}), so the backward pass this model trains with is correct; it says nothing about whether training will succeed.</source>
            <translation>«Пройдено» означает, что для каждого слоя градиент, вычисленный обратным распространением ошибки, совпадает с наклоном, измеренным небольшим сдвигом выбранных весов вверх и вниз (относительная ошибка ниже {tolerance:g}), то есть обратный проход, с которым обучается эта модель, верен; о том, будет ли обучение успешным, это ничего не говорит.</translation>
        </message>
        <message>
            <source>Not run yet for {network}.</source>
            <translation>Для сети {network} проверка ещё не запускалась.</translation>
        </message>
        <message>
            <source>Checking {network}…</source>
            <translation>Проверка сети {network}…</translation>
        </message>
        <message>
            <source>no bias</source>
            <translation>без смещений</translation>
        </message>
        <message>
            <source>✓ pass</source>
            <translation>✓ пройдено</translation>
        </message>
        <message>
            <source>✗ FAIL</source>
            <translation>✗ НЕ ПРОЙДЕНО</translation>
        </message>
        <message>
            <source>Every layer passes for {network}, and the output gradient dL/dz: relative error {output:.2e}: worst relative error {worst:.2e} (tolerance {tolerance:g}).</source>
            <translation>Для сети {network} все слои проходят проверку, как и выходной градиент dL/dz (относительная ошибка {output:.2e}); наибольшая относительная ошибка {worst:.2e} (допуск {tolerance:g}).</translation>
        </message>
        <message>
            <source>The numbers part at the output: the gradient dL/dz that {head} hands to layer {layer} ({inputs} → {outputs}) is wrong (relative error {output:.2e}), and every layer below inherits the error.</source>
            <translation>Числа расходятся уже на выходе: градиент dL/dz, который выход {head} передаёт слою {layer} ({inputs} → {outputs}), неверен (относительная ошибка {output:.2e}), и все нижележащие слои наследуют эту ошибку.</translation>
        </message>
        <message>
            <source>The numbers part at layer {layer} ({inputs} → {outputs}): the output is right, gradient dL/dz: relative error {output:.2e}.</source>
            <translation>Числа расходятся на слое {layer} ({inputs} → {outputs}); выход верен: у градиента dL/dz относительная ошибка {output:.2e}.</translation>
        </message>
        <message>
            <source>✗ FAILS for {network}: backpropagation disagrees with the numerical slope (worst relative error {worst:.2e}, tolerance {tolerance:g}). {part}</source>
            <translation>✗ Для сети {network} проверка НЕ ПРОЙДЕНА: обратное распространение ошибки расходится с численным наклоном (наибольшая относительная ошибка {worst:.2e}, допуск {tolerance:g}). {part}</translation>
        </message>
        <message>
            <source>This model trained with a deliberate lab mistake ({titles}); the check uses the maths it trained with, mistake included.</source>
            <translation>Эта модель обучалась с намеренной ошибкой лаборатории ({titles}); проверка использует те же формулы, с которыми она обучалась, включая ошибку.</translation>
        </message>
        <message>
            <source>{head} with the softmax derivative applied twice</source>
            <translation>{head} с дважды применённой производной softmax</translation>
        </message>
        <message>
            <source>The gradient check could not run: {message}</source>
            <translation>Не удалось запустить проверку градиента: {message}</translation>
        </message>
    </context>
    <context>
        <name>GradientNormPlot</name>
        <message>
            <source>Size of each dense layer's weight gradient ‖∂L/∂W‖ at every mini-batch, on a log scale.
Curves far apart (layer 1 orders of magnitude below the last) mean vanishing gradients;
curves shooting up mean exploding ones. A gap is a gradient of exactly 0: a dead layer.
Right-click for the grid and export.</source>
            <translation>Величина градиента весов ‖∂L/∂W‖ каждого полносвязного слоя на каждом мини-батче, в логарифмической шкале.
Кривые далеко друг от друга (слой 1 на порядки ниже последнего) означают затухание градиентов;
резко взлетающие кривые — взрыв градиентов. Разрыв — градиент, равный ровно 0: «мёртвый» слой.
Правый щелчок — сетка и экспорт.</translation>
        </message>
        <message>
            <source>layer {layer}</source>
            <translation>слой {layer}</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <source>&lt;b&gt;Draw&lt;/b&gt; on the black canvas with the left mouse button; the right button (or Eraser) erases. Undo takes back a stroke, Clear empties the canvas.</source>
            <translation>&lt;b&gt;Рисуйте&lt;/b&gt; на чёрном холсте левой кнопкой мыши; правая кнопка (или «Ластик») стирает. «Отменить» убирает последний штрих, «Очистить» очищает холст.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Read the prediction&lt;/b&gt; beside it: one bar per class with the probability the network gives it, the top class large. &lt;i&gt;What the model sees&lt;/i&gt; is your drawing after the same preprocessing as the training images. &lt;i&gt;Show saliency&lt;/i&gt; colours the drawing: red where more ink raises the top class, blue where it lowers it.</source>
            <translation>&lt;b&gt;Смотрите предсказание&lt;/b&gt; рядом: по одной полосе на класс с вероятностью, которую ему даёт сеть, самый вероятный класс — крупно. &lt;i&gt;Что видит модель&lt;/i&gt; — ваш рисунок после той же предобработки, что и у обучающих изображений. &lt;i&gt;Показать карту значимости&lt;/i&gt; раскрашивает рисунок: красным — где больше чернил поднимает главный ответ, синим — где опускает.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Train&lt;/b&gt; a network in the &lt;i&gt;Train&lt;/i&gt; tab: pick a preset or set the data, the network and the optimizer, then press Train. The loss and accuracy curves below grow as it learns; the prediction follows the new weights after every epoch.</source>
            <translation>&lt;b&gt;Обучайте&lt;/b&gt; сеть на вкладке &lt;i&gt;Обучение&lt;/i&gt;: выберите пример или задайте данные, сеть и оптимизатор, затем нажмите «Обучить». Кривые потерь и точности внизу строятся по мере обучения; предсказание следует за новыми весами после каждой эпохи.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Watch it learn&lt;/b&gt; in the tabs beside the plots: the &lt;i&gt;Doctor&lt;/i&gt; explains problems it sees (a flat loss, dead units, exploding gradients) and can put its fix into the form; &lt;i&gt;Gradients&lt;/i&gt; shows each layer's gradient size; &lt;i&gt;Runs&lt;/i&gt; keeps every run of the session to overlay on the plots.</source>
            <translation>&lt;b&gt;Наблюдайте за обучением&lt;/b&gt; на вкладках рядом с графиками: &lt;i&gt;Диагноз&lt;/i&gt; объясняет замеченные проблемы (плоская кривая потерь, «мёртвые» нейроны, взрыв градиентов) и может внести исправление в форму; &lt;i&gt;Градиенты&lt;/i&gt; показывает величину градиента каждого слоя; &lt;i&gt;Запуски&lt;/i&gt; хранит все запуски сеанса, чтобы накладывать их на графики.</translation>
        </message>
        <message>
            <source>&lt;b&gt;See the network think&lt;/b&gt; in the &lt;i&gt;Network&lt;/i&gt; tab: every layer for your drawing (the input as the network receives it, each hidden unit as a coloured cell, the probabilities), following the drawing and every epoch. Point at a unit to see its numbers, its weights and the test images it responds to most; click to keep it in the panel; &lt;b&gt;Ctrl+click&lt;/b&gt; switches it off (or on again), and its gain scales it: the bars and the test accuracy follow, and the model is marked &lt;i&gt;edited&lt;/i&gt; until Reset edits. Green and red frames mark the units that pushed the predicted class up and down the most. &lt;i&gt;Wide&lt;/i&gt; (Ctrl+E) gives these tabs the whole width; there a plot beside the unit shows your drawing's probabilities after each epoch of the last run.</source>
            <translation>&lt;b&gt;Смотрите, как сеть думает&lt;/b&gt;, на вкладке &lt;i&gt;Сеть&lt;/i&gt;: все слои для вашего рисунка (вход в том виде, в каком его получает сеть, каждый нейрон скрытого слоя — цветная клетка, вероятности), обновляются вслед за рисунком и после каждой эпохи. Наведите указатель на нейрон, чтобы увидеть его числа, веса и тестовые изображения, на которые он откликается сильнее всего; щелчок закрепляет его на панели; &lt;b&gt;Ctrl+щелчок&lt;/b&gt; отключает его (или включает снова), а коэффициент усиления масштабирует его: полосы и точность на тестовой выборке меняются вслед, а модель помечается как &lt;i&gt;изменённая&lt;/i&gt;, пока вы не нажмёте «Сбросить правки». Зелёные и красные рамки отмечают нейроны, сильнее всего повысившие и понизившие предсказанный класс. &lt;i&gt;Шире&lt;/i&gt; (Ctrl+E) отдаёт этим вкладкам всю ширину окна; там рядом с нейроном график показывает вероятности для вашего рисунка после каждой эпохи последнего запуска.</translation>
        </message>
        <message>
            <source>&lt;b&gt;See it learn&lt;/b&gt; in the &lt;i&gt;Backprop&lt;/i&gt; tab: pick the true label (keys 0–9), read the loss and each layer's error signal δ, click a unit and then one in the next column to see that weight's gradient written out with its numbers and checked by finite differences, and take one step of gradient descent on your drawing alone (Undo step takes it back).</source>
            <translation>&lt;b&gt;Смотрите, как она учится&lt;/b&gt;, на вкладке &lt;i&gt;Обратный проход&lt;/i&gt;: выберите истинную метку (клавиши 0–9), посмотрите потери и сигнал ошибки δ каждого слоя, щёлкните нейрон, а затем нейрон в следующем столбце, чтобы увидеть градиент этого веса, расписанный по числам и проверенный конечными разностями, и сделайте один шаг градиентного спуска только на своём рисунке («Отменить шаг» возвращает всё назад).</translation>
        </message>
        <message>
            <source>&lt;b&gt;Teach it your handwriting&lt;/b&gt;: when it misreads your drawing, click the right digit in the &lt;i&gt;Correct it&lt;/i&gt; row under the bars (or press &lt;b&gt;Ctrl+0 … Ctrl+9&lt;/b&gt;): the drawing is kept in &lt;i&gt;My digits&lt;/i&gt; (Draw ▸ My digits, Ctrl+D), where you can browse, delete, relabel, import and export them. &lt;i&gt;Look-alikes&lt;/i&gt; shows the training images nearest to your drawing as the network sees it, to explain a misread. Model ▸ Teach it my digits (Ctrl+T) fine-tunes the model on MNIST mixed with your digits and shows the honest before/after: your held-out digits (never trained on) and MNIST's test set, to see what it forgot.</source>
            <translation>&lt;b&gt;Научите её своему почерку&lt;/b&gt;: если сеть неверно прочла рисунок, нажмите правильную цифру в ряду &lt;i&gt;Исправить&lt;/i&gt; под полосами (или &lt;b&gt;Ctrl+0 … Ctrl+9&lt;/b&gt;): рисунок сохранится в &lt;i&gt;Мои цифры&lt;/i&gt; (Рисунок ▸ Мои цифры, Ctrl+D), где их можно просматривать, удалять, менять метку, импортировать и экспортировать. &lt;i&gt;Похожие&lt;/i&gt; показывает обучающие изображения, ближайшие к вашему рисунку в том виде, в каком его видит сеть, чтобы объяснить ошибку. Модель ▸ Дообучить на моих цифрах (Ctrl+T) дообучает модель на MNIST вперемешку с вашими цифрами и честно показывает «до» и «после»: на ваших отложенных цифрах (на них она не обучалась) и на тестовой выборке MNIST — чтобы увидеть, что она забыла.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Learn from mistakes&lt;/b&gt; in the &lt;i&gt;Lab&lt;/i&gt; tab (or the Lab menu): classic failing set-ups, each with a story and the bugs and fixes to tick one at a time.</source>
            <translation>&lt;b&gt;Учитесь на ошибках&lt;/b&gt; на вкладке &lt;i&gt;Лаборатория&lt;/i&gt; (или в меню «Лаборатория»): классические неудачные конфигурации, у каждой своя история, ошибки и исправления, которые можно отмечать по одному.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Look inside&lt;/b&gt; a trained model (Model menu): the confusion matrix, the test images it gets wrong (double-click one to see it large and draw it on the canvas), the first layer's weights, the hidden units' activations and a gradient check of backpropagation.</source>
            <translation>&lt;b&gt;Загляните внутрь&lt;/b&gt; обученной модели (меню «Модель»): матрица ошибок, тестовые изображения, на которых она ошибается (дважды щёлкните, чтобы увидеть изображение крупно и перенести его на холст), веса первого слоя, активации нейронов скрытых слоёв и проверка градиента, вычисленного обратным распространением ошибки.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Keep a model&lt;/b&gt; with File ▸ Save (a .npz file) and open it again later; Model ▸ Model details lists its settings and history. Nothing is lost in a crash: a run saves its epochs as it goes, and the next start offers to recover its model or resume training exactly where it stopped (&lt;code&gt;digitpad recover&lt;/code&gt; lists them too).</source>
            <translation>&lt;b&gt;Сохраняйте модель&lt;/b&gt; через Файл ▸ Сохранить (файл .npz) и открывайте её позже; Модель ▸ Сведения о модели показывает её настройки и историю. При сбое ничего не теряется: запуск сохраняет эпохи по ходу обучения, а при следующем старте вам предложат восстановить модель или продолжить обучение ровно с места остановки (&lt;code&gt;digitpad recover&lt;/code&gt; тоже их перечисляет).</translation>
        </message>
        <message>
            <source>How to use digitpad</source>
            <translation>Как пользоваться digitpad</translation>
        </message>
        <message>
            <source>Words used here</source>
            <translation>Термины</translation>
        </message>
        <message>
            <source>Shortcuts</source>
            <translation>Сочетания клавиш</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>cross-entropy</source>
            <translation>кросс-энтропия</translation>
        </message>
        <message>
            <source>binary cross-entropy</source>
            <translation>бинарная кросс-энтропия</translation>
        </message>
        <message>
            <source>squared error</source>
            <translation>квадратичная ошибка</translation>
        </message>
        <message>
            <source>unknown loss</source>
            <translation>неизвестная функция потерь</translation>
        </message>
        <message>
            <source>{loss} on label/10</source>
            <translation>{loss} на метку/10</translation>
        </message>
        <message>
            <source>{seconds:.1f} s</source>
            <translation>{seconds:.1f} с</translation>
        </message>
        <message>
            <source>{hours}:{minutes:02d}:{seconds:02d}</source>
            <translation>{hours}:{minutes:02d}:{seconds:02d}</translation>
        </message>
        <message>
            <source>{minutes}:{seconds:02d}</source>
            <translation>{minutes}:{seconds:02d}</translation>
        </message>
        <message>
            <source>{seconds} s</source>
            <translation>{seconds} с</translation>
        </message>
        <message>
            <source>cannot write {path}: {reason}</source>
            <translation>не удаётся записать {path}: {reason}</translation>
        </message>
    </context>
    <context>
        <name>Idx</name>
        <message>
            <source>{path}: no such file</source>
            <translation>{path}: нет такого файла</translation>
        </message>
        <message>
            <source>{file}: cannot read ({reason})</source>
            <translation>{file}: не удаётся прочитать ({reason})</translation>
        </message>
        <message>
            <source>{file}: too short to be an IDX file</source>
            <translation>{file}: слишком короткий для файла IDX</translation>
        </message>
        <message>
            <source>{file}: not an IDX file of unsigned bytes (magic 0x{magic})</source>
            <translation>{file}: не файл IDX из беззнаковых байтов (сигнатура 0x{magic})</translation>
        </message>
        <message>
            <source>{file}: header ends before its {ndim} dimensions</source>
            <translation>{file}: заголовок обрывается, не перечислив все свои измерения ({ndim})</translation>
        </message>
        <message>
            <source>{file}: header claims {dims}, which is far larger than any dataset</source>
            <translation>{file}: заголовок заявляет {dims}, что намного больше любого набора данных</translation>
        </message>
        <message>
            <source>{file}: file is shorter than its header {dims} says</source>
            <translation>{file}: файл короче, чем указано в его заголовке {dims}</translation>
        </message>
        <message>
            <source>{file}: file is longer than its header {dims} says</source>
            <translation>{file}: файл длиннее, чем указано в его заголовке {dims}</translation>
        </message>
    </context>
    <context>
        <name>ImageFile</name>
        <message>
            <source>{path} is a folder, not an image</source>
            <translation>{path} — папка, а не изображение</translation>
        </message>
        <message>
            <source>{path}: image is too large ({width}×{height})</source>
            <translation>{path}: изображение слишком большое ({width}×{height})</translation>
        </message>
        <message>
            <source>{path}: cannot read image ({reason})</source>
            <translation>{path}: не удаётся прочитать изображение ({reason})</translation>
        </message>
    </context>
    <context>
        <name>ImageFolder</name>
        <message>
            <source>{source} is blank (no ink); remove it or draw the digit darker, nothing was imported</source>
            <translation>{source}: изображение пустое (нет чернил); удалите его или нарисуйте цифру темнее — ничего не импортировано</translation>
        </message>
        <message>
            <source>image {index} is blank (no ink); remove it or draw the digit darker, nothing was imported</source>
            <translation>изображение {index} пустое (нет чернил); удалите его или нарисуйте цифру темнее — ничего не импортировано</translation>
        </message>
        <message>
            <source>{folder}: no such folder</source>
            <translation>{folder}: нет такой папки</translation>
        </message>
        <message>
            <source>{file}: an ImageFolder holds only subfolders 0 … 9 of images; move this file out of it</source>
            <translation>{file}: в ImageFolder есть только подпапки 0 … 9 с изображениями; уберите из неё этот файл</translation>
        </message>
        <message>
            <source>{folder}: folder {name!r} is not a digit class 0 … 9</source>
            <translation>{folder}: папка {name!r} — не класс цифры 0 … 9</translation>
        </message>
        <message>
            <source>{file}: not a PNG, JPEG, BMP or GIF image; an ImageFolder's class folders hold only images</source>
            <translation>{file}: не изображение PNG, JPEG, BMP или GIF; в папках классов ImageFolder должны быть только изображения</translation>
        </message>
        <message>
            <source>{folder}: no images in it; expected subfolders 0 … 9 holding PNG or JPEG files</source>
            <translation>{folder}: в ней нет изображений; ожидаются подпапки 0 … 9 с файлами PNG или JPEG</translation>
        </message>
        <message>
            <source>{folder} already exists and is not an empty folder; export into a new or empty folder (nothing was written)</source>
            <translation>{folder} уже существует и не является пустой папкой; экспортируйте в новую или пустую папку (ничего не записано)</translation>
        </message>
        <message>
            <source>{name}: only 28×28 images can be exported, not {shape}</source>
            <translation>{name}: экспортировать можно только изображения 28×28, а не {shape}</translation>
        </message>
    </context>
    <context>
        <name>Importing</name>
        <message>
            <source>--name names a local dataset made from a labelled CSV; it does not go with --dataset</source>
            <translation>--name задаёт имя локального набора данных из размеченного CSV; этот параметр не сочетается с --dataset</translation>
        </message>
        <message>
            <source>no files to import</source>
            <translation>нет файлов для импорта</translation>
        </message>
        <message>
            <source>--name takes one labelled CSV file whose content is not MNIST's or Fashion-MNIST's (such as Kaggle's train.csv)</source>
            <translation>--name принимает один размеченный CSV-файл, содержимое которого не из MNIST и не из Fashion-MNIST (например, train.csv с Kaggle)</translation>
        </message>
        <message>
            <source>{file}: cannot make a dataset name from the file's name; give one with --name</source>
            <translation>{file}: не удаётся составить имя набора данных из имени файла; задайте его через --name</translation>
        </message>
        <message>
            <source>two files would become the local dataset {name!r}; import them one at a time with --name</source>
            <translation>два файла стали бы локальным набором данных {name!r}; импортируйте их по одному с --name</translation>
        </message>
        <message>
            <source>{path}: no such file</source>
            <translation>{path}: нет такого файла</translation>
        </message>
        <message>
            <source>{file} has no label column; only labelled CSV files can be imported (Kaggle's test.csv is for `digitpad predict MODEL {file} --submission submission.csv`)</source>
            <translation>В {file} нет столбца меток; импортировать можно только размеченные CSV-файлы (test.csv с Kaggle предназначен для `digitpad predict MODEL {file} --submission submission.csv`)</translation>
        </message>
        <message>
            <source>{file}: an IDX file with {ndim} dimensions is neither images nor labels</source>
            <translation>{file}: файл IDX с {ndim} измерениями — это ни изображения, ни метки</translation>
        </message>
        <message>
            <source>expected a NumPy .npz archive with the keys of mnist.npz ({keys})</source>
            <translation>ожидается архив NumPy .npz с ключами как в mnist.npz ({keys})</translation>
        </message>
        <message>
            <source>{file} is empty; {expected}</source>
            <translation>{file} пуст; {expected}</translation>
        </message>
        <message>
            <source>{file} holds a single array, not an archive; {expected}</source>
            <translation>В {file} один массив, а не архив; {expected}</translation>
        </message>
        <message>
            <source>{file}: no {missing} in it; {expected}</source>
            <translation>{file}: в нём нет {missing}; {expected}</translation>
        </message>
        <message>
            <source>{file}: cannot read it as .npz, it is damaged or not a NumPy archive ({reason}); {expected}</source>
            <translation>{file}: не удаётся прочитать как .npz — файл повреждён или не является архивом NumPy ({reason}); {expected}</translation>
        </message>
        <message>
            <source>{source}: expected whole numbers 0..255, got {dtype}</source>
            <translation>{source}: ожидались целые числа 0..255, получен тип {dtype}</translation>
        </message>
        <message>
            <source>{source}: expected (N, 28, 28) images, got shape {shape}</source>
            <translation>{source}: ожидались изображения формы (N, 28, 28), получена форма {shape}</translation>
        </message>
        <message>
            <source>{source}: expected (N,) labels, got shape {shape}</source>
            <translation>{source}: ожидались метки формы (N,), получена форма {shape}</translation>
        </message>
        <message>
            <source>{source}: labels must lie in 0..9, found {found}</source>
            <translation>{source}: метки должны лежать в диапазоне 0..9, найдено {found}</translation>
        </message>
        <message>
            <source>{source} is not one of the known MNIST or Fashion-MNIST files; say which dataset it belongs to (--dataset mnist or --dataset fashion)</source>
            <translation>{source} не относится к известным файлам MNIST или Fashion-MNIST; укажите, к какому набору данных он относится (--dataset mnist или --dataset fashion)</translation>
        </message>
        <message>
            <source>{source}: cannot tell train from test data; put 'train' or 'test' in its name</source>
            <translation>{source}: не понять, обучающие это данные или тестовые; добавьте в имя файла «train» или «test»</translation>
        </message>
        <message>
            <source>{first} and {second} are both {name} {split} {kind}</source>
            <translation>{first} и {second} — оба файла {name} {split} {kind}</translation>
        </message>
        <message>
            <source>{images} has {n_images} images but {labels} has {n_labels} labels</source>
            <translation>В {images} изображений: {n_images}, а в {labels} меток: {n_labels}</translation>
        </message>
        <message>
            <source>no files or folders to import</source>
            <translation>нет файлов или папок для импорта</translation>
        </message>
        <message>
            <source>{path}: no such file or folder</source>
            <translation>{path}: нет такого файла или папки</translation>
        </message>
        <message>
            <source>{file} is a single image, and a single image has no label; put images in subfolders 0 … 9 (an ImageFolder) and import the folder</source>
            <translation>{file} — одиночное изображение, а у одиночного изображения нет метки; разложите изображения по подпапкам 0 … 9 (ImageFolder) и импортируйте папку</translation>
        </message>
    </context>
    <context>
        <name>InputPreview</name>
        <message>
            <source>What the model sees after preprocessing: cropped, scaled to 20 px and centred by centre of mass (or reduced to 8×8 for an 8×8 model)</source>
            <translation>Что видит модель после предобработки: обрезка, масштабирование до 20 пикс. и центрирование по центру масс (или уменьшение до 8×8 для модели 8×8)</translation>
        </message>
    </context>
    <context>
        <name>InspectWindow</name>
        <message>
            <source>Confusion</source>
            <translation>Матрица ошибок</translation>
        </message>
        <message>
            <source>Mistakes</source>
            <translation>Ошибки</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>Веса</translation>
        </message>
        <message>
            <source>Activations</source>
            <translation>Активации</translation>
        </message>
        <message>
            <source>Gradient check</source>
            <translation>Проверка градиента</translation>
        </message>
        <message>
            <source>Which classes the network confuses with which</source>
            <translation>Какие классы сеть путает с какими</translation>
        </message>
        <message>
            <source>The test images the network gets wrong</source>
            <translation>Тестовые изображения, на которых сеть ошибается</translation>
        </message>
        <message>
            <source>What the first layer's units look for</source>
            <translation>На что реагируют нейроны первого слоя</translation>
        </message>
        <message>
            <source>How the hidden units respond: dead or saturated units</source>
            <translation>Как реагируют нейроны скрытых слоёв: «мёртвые» и насыщенные нейроны</translation>
        </message>
        <message>
            <source>Is backpropagation right for this model's maths?</source>
            <translation>Верно ли обратное распространение ошибки для формул этой модели?</translation>
        </message>
        <message>
            <source>Rows are the true classes, columns what the network predicted. The blue diagonal counts correct answers, orange cells the mistakes. Click a cell to see its images.</source>
            <translation>Строки — истинные классы, столбцы — то, что предсказала сеть. На синей диагонали — число верных ответов, в оранжевых клетках — ошибки. Щёлкните клетку, чтобы увидеть её изображения.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Accuracy per class&lt;/b&gt;</source>
            <translation>&lt;b&gt;Точность по классам&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Looking inside {name}…</source>
            <translation>Заглядываем внутрь: {name}…</translation>
        </message>
        <message>
            <source>Looking inside the model…</source>
            <translation>Заглядываем внутрь модели…</translation>
        </message>
        <message>
            <source>Cannot look inside</source>
            <translation>Не удаётся заглянуть внутрь</translation>
        </message>
        <message>
            <source>untitled model</source>
            <translation>модель без имени</translation>
        </message>
        <message>
            <source>Inside {title}</source>
            <translation>Внутри: {title}</translation>
        </message>
        <message>
            <source>{count:,} mistakes</source>
            <translation>ошибок: {count:,}</translation>
        </message>
        <message>
            <source>&lt;b&gt;{title}&lt;/b&gt; &amp;nbsp;{network} on {images:,} test images of {dataset}: accuracy &lt;b&gt;{accuracy:.2f} %&lt;/b&gt;, loss {loss:.4f}, {mistakes}.</source>
            <translation>&lt;b&gt;{title}&lt;/b&gt; &amp;nbsp;{network} на тестовых изображениях {dataset} ({images:,}): точность &lt;b&gt;{accuracy:.2f} %&lt;/b&gt;, потери {loss:.4f}, {mistakes}.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{title}&lt;/b&gt; &amp;nbsp;{network} on {images:,} test images of the test set: accuracy &lt;b&gt;{accuracy:.2f} %&lt;/b&gt;, loss {loss:.4f}, {mistakes}.</source>
            <translation>&lt;b&gt;{title}&lt;/b&gt; &amp;nbsp;{network} на тестовой выборке (изображений: {images:,}): точность &lt;b&gt;{accuracy:.2f} %&lt;/b&gt;, потери {loss:.4f}, {mistakes}.</translation>
        </message>
    </context>
    <context>
        <name>Inspection</name>
        <message>
            <source>the test set {name!r} holds no images</source>
            <translation>в тестовой выборке {name!r} нет изображений</translation>
        </message>
        <message>
            <source>the test set's {shape} images do not fit this model, which takes {model_shape} images</source>
            <translation>изображения тестовой выборки размером {shape} не подходят этой модели: она принимает изображения {model_shape}</translation>
        </message>
        <message>
            <source>the test set has {classes} classes but the model predicts {model_classes}</source>
            <translation>в тестовой выборке классов: {classes}, а модель предсказывает {model_classes}</translation>
        </message>
    </context>
    <context>
        <name>LabMistakes</name>
        <message>
            <source>Softmax derivative applied twice</source>
            <translation>Производная softmax применена дважды</translation>
        </message>
        <message>
            <source>The gradient of cross-entropy through a softmax is simply p − y: the softmax's own derivative is already folded into it. Multiplying it by the softmax derivative p(1 − p) once more, as code that backpropagates 'layer by layer' often does, scales every error by a number near zero whenever the network is confident, and also when it is confidently wrong: a class predicted with p ≈ 0 that should be 1 gets almost no push. Training crawls or stalls.</source>
            <translation>Градиент кросс-энтропии через softmax равен просто p − y: собственная производная softmax в нём уже учтена. Если ещё раз умножить его на производную softmax p(1 − p), как часто делает код, выполняющий обратное распространение ошибки «слой за слоем», каждая ошибка умножается на число, близкое к нулю, всякий раз, когда сеть уверена, — в том числе когда она уверенно ошибается: класс, предсказанный с p ≈ 0, хотя должен быть 1, почти не получает толчка. Обучение ползёт или останавливается.</translation>
        </message>
        <message>
            <source>Images and labels shuffled apart</source>
            <translation>Изображения и метки перемешаны порознь</translation>
        </message>
        <message>
            <source>Each epoch shuffles the images, but here only the labels are taken in shuffled order while the images are taken from the unshuffled array. Every image arrives with some other image's label, so the network can learn nothing but how often each class occurs: accuracy stays near 10 %, and the loss sits at that of guessing the class frequencies. Always index X and y with the same shuffled order.</source>
            <translation>Каждую эпоху изображения перемешиваются, но здесь в перемешанном порядке берутся только метки, а изображения — из неперемешанного массива. Каждое изображение приходит с меткой другого изображения, поэтому сеть может выучить лишь то, как часто встречается каждый класс: точность держится около 10%, а потери — на уровне угадывания по частотам классов. Всегда индексируйте X и y одним и тем же перемешанным порядком.</translation>
        </message>
        <message>
            <source>unknown mistake {name!r}; known: {known}</source>
            <translation>неизвестная ошибка {name!r}; известные: {known}</translation>
        </message>
        <message>
            <source>the softmax derivative mistake needs a softmax + cross-entropy head, not {output} + {loss}</source>
            <translation>для ошибки с производной softmax нужен выход softmax + кросс-энтропия, а не {output} + {loss}</translation>
        </message>
    </context>
    <context>
        <name>LabPanel</name>
        <message>
            <source>Bugs (tick to fix)</source>
            <translation>Ошибки в коде (отметьте, чтобы исправить)</translation>
        </message>
        <message>
            <source>Deliberate mistakes in this setup. Tick one to remove that bug.</source>
            <translation>Намеренные ошибки в этой конфигурации. Отметьте ошибку, чтобы её устранить.</translation>
        </message>
        <message>
            <source>Fixes (tick to apply)</source>
            <translation>Исправления (отметьте, чтобы применить)</translation>
        </message>
        <message>
            <source>Changes that remove a cause of the failure. Tick to apply.</source>
            <translation>Изменения, устраняющие одну из причин сбоя. Отметьте, чтобы применить.</translation>
        </message>
        <message>
            <source>Tuning (tick to apply)</source>
            <translation>Настройка (отметьте, чтобы применить)</translation>
        </message>
        <message>
            <source>Settings that are not bugs but still decide the result. Tick to apply.</source>
            <translation>Параметры, которые не являются ошибками, но всё равно определяют результат. Отметьте, чтобы применить.</translation>
        </message>
        <message>
            <source>What do you expect to see? Run the failing setup; why it fails is explained here once it has run.</source>
            <translation>Что вы ожидаете увидеть? Запустите сбойную конфигурацию; почему она не работает, будет объяснено здесь после запуска.</translation>
        </message>
        <message>
            <source>Optimizer as in the setup</source>
            <translation>Оптимизатор из конфигурации</translation>
        </message>
        <message>
            <source>Keep the setup's optimizer; or pick one of the alternatives, which exclude each other</source>
            <translation>Оставить оптимизатор конфигурации или выбрать одну из альтернатив (они исключают друг друга)</translation>
        </message>
        <message>
            <source>A complete setup that reproduces a classic way training fails</source>
            <translation>Полная конфигурация, воспроизводящая классический сбой обучения</translation>
        </message>
        <message>
            <source>The setup; what goes wrong and why shows once it has run</source>
            <translation>Конфигурация; что идёт не так и почему, появится после запуска</translation>
        </message>
        <message>
            <source>The settings the next run will use, with the ticks as they are now</source>
            <translation>Параметры, с которыми пройдёт следующий запуск при текущих отметках</translation>
        </message>
        <message>
            <source>Run failing setup</source>
            <translation>Запустить с ошибками</translation>
        </message>
        <message>
            <source>Untick every fix (every bug back in) and run the setup exactly as it fails</source>
            <translation>Снять все исправления (вернуть все ошибки) и запустить конфигурацию точно в том виде, в котором она не работает</translation>
        </message>
        <message>
            <source>Run with ticked fixes</source>
            <translation>Запустить с исправлениями</translation>
        </message>
        <message>
            <source>Run with the boxes as they are ticked now</source>
            <translation>Запустить с отметками в их текущем состоянии</translation>
        </message>
        <message>
            <source>Apply all fixes</source>
            <translation>Исправить всё</translation>
        </message>
        <message>
            <source>Tick every fix (of alternatives, the last one) and run</source>
            <translation>Отметить все исправления (из альтернатив — последнюю) и запустить</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Пауза</translation>
        </message>
        <message>
            <source>Pause or resume the run; takes effect within one batch (F6)</source>
            <translation>Приостановить или продолжить запуск; срабатывает в пределах одного батча (F6)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Остановить</translation>
        </message>
        <message>
            <source>Stop the run after the current batch (Shift+F5)</source>
            <translation>Остановить запуск после текущего батча (Shift+F5)</translation>
        </message>
        <message>
            <source>Progress of the run: epochs, batches and time left</source>
            <translation>Ход запуска: эпохи, батчи и оставшееся время</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Готово</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Продолжить</translation>
        </message>
        <message>
            <source>bugs in the code: {bugs}</source>
            <translation>ошибки в коде: {bugs}</translation>
        </message>
        <message>
            <source>Fix the bug: {bug}</source>
            <translation>Исправить ошибку: {bug}</translation>
        </message>
        <message>
            <source>full batch</source>
            <translation>полный батч</translation>
        </message>
        <message>
            <source>batches of {size}</source>
            <translation>батчи по {size}</translation>
        </message>
        <message>
            <source>gradient summed</source>
            <translation>градиент суммируется</translation>
        </message>
        <message>
            <source>gradient averaged</source>
            <translation>градиент усредняется</translation>
        </message>
        <message>
            <source>first {images:,} images of {data}</source>
            <translation>{data}: первые {images:,} изобр.</translation>
        </message>
        <message>
            <source>all of {data}</source>
            <translation>{data}: все изображения</translation>
        </message>
        <message>
            <source>hidden {hidden} {activation}</source>
            <translation>скрытые слои {hidden}, {activation}</translation>
        </message>
        <message>
            <source>1 output = label/10</source>
            <translation>1 выход = метка/10</translation>
        </message>
        <message>
            <source>{init} init</source>
            <translation>инициализация {init}</translation>
        </message>
        <message>
            <source>{init} init, no bias</source>
            <translation>инициализация {init}, без смещений</translation>
        </message>
        <message>
            <source>inputs in [0, 1]</source>
            <translation>входы в [0, 1]</translation>
        </message>
        <message>
            <source>inputs raw</source>
            <translation>входы без масштабирования</translation>
        </message>
        <message>
            <source>{optimizer} lr {lr:g}, {batch}, {gradient}</source>
            <translation>{optimizer}, скорость обучения {lr:g}, {batch}, {gradient}</translation>
        </message>
        <message>
            <source>{epochs:,} epochs</source>
            <translation>эпох: {epochs:,}</translation>
        </message>
        <message>
            <source>{share:.0%} held out</source>
            <translation>отложено: {share:.0%}</translation>
        </message>
    </context>
    <context>
        <name>LabPresets</name>
        <message>
            <source>preset {preset!r} has no toggle {toggle!r}; choose from {toggles}</source>
            <translation>у примера {preset!r} нет переключателя {toggle!r}; выберите из: {toggles}</translation>
        </message>
        <message>
            <source>{setup} {reveal}</source>
            <translation>{setup} {reveal}</translation>
        </message>
        <message>
            <source>{title} · failing setup</source>
            <translation>{title} · с ошибками</translation>
        </message>
        <message>
            <source>{title} · all fixes</source>
            <translation>{title} · все исправления</translation>
        </message>
        <message>
            <source>fixed: {bug}</source>
            <translation>исправлено: {bug}</translation>
        </message>
        <message>
            <source>{title} · {choices}</source>
            <translation>{title} · {choices}</translation>
        </message>
        <message>
            <source>scaling the learning rate needs a known number of images per step: set a batch size or a subset</source>
            <translation>чтобы масштабировать скорость обучения, нужно известное число изображений на шаг: задайте размер батча или подмножество</translation>
        </message>
        <message>
            <source>Regression on label/10</source>
            <translation>Регрессия на метку/10</translation>
        </message>
        <message>
            <source>a summed gradient saturates the net near 10% accuracy</source>
            <translation>суммарный градиент насыщает сеть, точность около 10%</translation>
        </message>
        <message>
            <source>A beginner's digit recogniser: 784 pixels → 250 sigmoid units → one sigmoid output trained to equal label/10, on the first 500 MNIST images, with U(−1, 1) weights, no bias, full-batch gradient descent at lr 0.1 and the gradient summed over the images instead of averaged.</source>
            <translation>Распознаватель цифр, как его пишет новичок: 784 пикселя → 250 нейронов sigmoid → один выход sigmoid, который учится равняться метке/10, на первых 500 изображениях MNIST, веса из U(−1, 1), без смещений, градиентный спуск по полному батчу со скоростью обучения 0,1, причём градиент суммируется по изображениям, а не усредняется.</translation>
        </message>
        <message>
            <source>Within a few epochs the loss stops moving: over a third of the hidden activations sit in the flat tails of the sigmoid and the output is pinned at 0 or 1 for every image, so accuracy (rounded output × 10 = label) stays near 10%. The cause is the step size: a gradient summed over 500 images is 500 times the average, so lr 0.1 acts like lr 50, and it grows with every image you add. A smaller step stops the blow-up but then crawls (20–35% on the training images after 300–600 epochs, about 20% on the test set), because one output has to squeeze ten classes onto a line.</source>
            <translation>Через несколько эпох потери перестают меняться: больше трети активаций скрытого слоя оказываются в пологих хвостах sigmoid, а выход прижат к 0 или 1 для каждого изображения, поэтому точность (округлённый выход × 10 = метка) держится около 10%. Причина — величина шага: градиент, просуммированный по 500 изображениям, в 500 раз больше среднего, поэтому скорость обучения 0,1 действует как 50, и с каждым добавленным изображением она растёт. Меньший шаг останавливает «взрыв», но тогда обучение ползёт (20–35% на обучающих изображениях после 300–600 эпох, около 20% на тестовой выборке), потому что одному выходу приходится уложить десять классов на одну прямую.</translation>
        </message>
        <message>
            <source>Average the gradient over the images</source>
            <translation>Усреднить градиент по изображениям</translation>
        </message>
        <message>
            <source>Divide the summed gradient by the number of images, so the step no longer grows with the batch. The net stops saturating, but one regression output still learns slowly.</source>
            <translation>Разделить суммарный градиент на число изображений, чтобы шаг больше не рос вместе с батчем. Сеть перестаёт насыщаться, но единственный регрессионный выход всё равно обучается медленно.</translation>
        </message>
        <message>
            <source>Learning rate ÷ images per step</source>
            <translation>Скорость обучения ÷ число изображений на шаг</translation>
        </message>
        <message>
            <source>The other way to the same fix: keep the summed gradient and divide the learning rate by the images per step (0.1 / 500). It gives exactly the averaged run; once the gradient is averaged it has nothing left to do.</source>
            <translation>Другой путь к тому же исправлению: оставить суммарный градиент и разделить скорость обучения на число изображений на шаг (0,1 / 500). Получается в точности тот же запуск, что и с усреднением; когда градиент уже усреднён, этому исправлению нечего делать.</translation>
        </message>
        <message>
            <source>Mini-batches of 32</source>
            <translation>Мини-батчи по 32</translation>
        </message>
        <message>
            <source>Update after every 32 images instead of once per pass: many small steps, each with a little noise, instead of one huge one. With a summed gradient each step is also 16 times smaller.</source>
            <translation>Обновлять веса после каждых 32 изображений, а не раз за проход: много маленьких шагов, каждый с небольшим шумом, вместо одного огромного. При суммарном градиенте каждый шаг к тому же в 16 раз меньше.</translation>
        </message>
        <message>
            <source>10 softmax outputs + cross-entropy</source>
            <translation>10 выходов softmax + кросс-энтропия</translation>
        </message>
        <message>
            <source>One output per class with softmax and cross-entropy instead of one number that must hit label/10. The classes no longer need to lie on a line, and the gradient p − y never vanishes on a wrong answer.</source>
            <translation>По одному выходу на класс с softmax и кросс-энтропией вместо одного числа, которое должно попасть в метку/10. Классам больше не нужно лежать на одной прямой, а градиент p − y не исчезает при неверном ответе.</translation>
        </message>
        <message>
            <source>Glorot initialisation</source>
            <translation>Инициализация Glorot</translation>
        </message>
        <message>
            <source>Weights drawn with a spread of √(6 / (fan-in + fan-out)) instead of U(−1, 1): a hidden unit then sums 784 inputs to a value near 0, in the sigmoid's steep middle, not its flat tails.</source>
            <translation>Веса с разбросом √(6 / (число входов + число выходов)) вместо U(−1, 1): тогда нейрон скрытого слоя складывает 784 входа в значение около 0 — на крутом среднем участке sigmoid, а не на пологих хвостах.</translation>
        </message>
        <message>
            <source>All 60,000 images, 10 epochs</source>
            <translation>Все 60 000 изображений, 10 эпох</translation>
        </message>
        <message>
            <source>Train on MNIST's whole training set for 10 epochs. 500 images are too few for 95% whatever the method; pair it with mini-batches, since full-batch descent makes only 10 steps in 10 epochs.</source>
            <translation>Обучать на всей обучающей выборке MNIST в течение 10 эпох. 500 изображений слишком мало для 95% при любом методе; сочетайте это с мини-батчами, ведь градиентный спуск по полному батчу делает за 10 эпох всего 10 шагов.</translation>
        </message>
        <message>
            <source>Too narrow to learn</source>
            <translation>Слишком узкая, чтобы обучиться</translation>
        </message>
        <message>
            <source>layers of 4 sigmoid units answer 0.10 for every digit</source>
            <translation>слои из 4 нейронов sigmoid отвечают 0,10 на любую цифру</translation>
        </message>
        <message>
            <source>An 8×8-digits classifier as a learner wrote it: 64 raw pixel values (0–16) → three hidden layers of 4 sigmoid units → 10 sigmoid outputs whose error is a − y, no bias, U(−1, 1) weights, and full-batch gradient descent with lr 0.001 and momentum 0.9 for 3,000 epochs (one step each).</source>
            <translation>Классификатор цифр 8×8, как его написал учащийся: 64 «сырых» значения пикселей (0–16) → три скрытых слоя по 4 нейрона sigmoid → 10 выходов sigmoid с ошибкой a − y, без смещений, веса из U(−1, 1) и градиентный спуск по полному батчу со скоростью обучения 0,001 и моментом 0,9 в течение 3000 эпох (по одному шагу на эпоху).</translation>
        </message>
        <message>
            <source>At the end every output sits at about 0.10 for every image, the share of each class, and accuracy is no better than chance, about 10%: four units cannot carry a digit through, so the net settles for the class frequencies. The learner's own fix, three layers of 100, reaches about 93%, but on the very images it trained on: int(len(labels*0.8)) multiplies the labels, not the length, so nothing was held out. Tick the fixes one at a time to see which of them matters and which does not.</source>
            <translation>В конце каждый выход держится около 0,10 для каждого изображения — это доля каждого класса, — а точность не лучше случайного угадывания, около 10%: четыре нейрона не могут пронести цифру через сеть, и сеть довольствуется частотами классов. Собственное исправление учащегося — три слоя по 100 — даёт около 93%, но на тех самых изображениях, на которых сеть обучалась: из-за скобки не на своём месте код умножил на 0,8 сами метки, а не их число, поэтому ничего не было отложено. Отмечайте исправления по одному, чтобы увидеть, какие из них важны, а какие нет.</translation>
        </message>
        <message>
            <source>Three hidden layers of 100</source>
            <translation>Три скрытых слоя по 100</translation>
        </message>
        <message>
            <source>Widen each hidden layer from 4 to 100 units. Four sigmoid units can pass on little more than four yes/no answers about the image; a hundred can carry the digit.</source>
            <translation>Расширить каждый скрытый слой с 4 до 100 нейронов. Четыре нейрона sigmoid могут передать дальше немногим больше четырёх ответов «да/нет» об изображении; сотня нейронов способна передать цифру.</translation>
        </message>
        <message>
            <source>Inputs scaled to [0, 1]</source>
            <translation>Входы масштабированы в [0, 1]</translation>
        </message>
        <message>
            <source>Divide the pixel values (0–16) by 16. Raw values push the first layer's sums far into the sigmoid's flat tails, where its derivative, and so the gradient, is nearly zero.</source>
            <translation>Разделить значения пикселей (0–16) на 16. «Сырые» значения загоняют суммы первого слоя далеко в пологие хвосты sigmoid, где её производная, а значит и градиент, почти равна нулю.</translation>
        </message>
        <message>
            <source>Layers have a bias</source>
            <translation>Слои со смещениями</translation>
        </message>
        <message>
            <source>Give every layer a bias, so a unit can shift where it switches on instead of always at 0.</source>
            <translation>Дать каждому слою смещения, чтобы нейрон мог сдвигать точку, в которой он включается, а не всегда включался в 0.</translation>
        </message>
        <message>
            <source>ReLU hidden units</source>
            <translation>ReLU в скрытых слоях</translation>
        </message>
        <message>
            <source>Use max(0, z) in the hidden layers. Its slope is 1 wherever it is active, so the gradient does not shrink by σ' ≤ 0.25 at every layer on its way back.</source>
            <translation>Использовать max(0, z) в скрытых слоях. Там, где функция активна, её наклон равен 1, поэтому на обратном пути градиент не умножается на σ' ≤ 0,25 на каждом слое.</translation>
        </message>
        <message>
            <source>Hold out 20% to measure</source>
            <translation>Отложить 20% для проверки</translation>
        </message>
        <message>
            <source>Keep 20% of the images out of training and report accuracy on them. The original code meant to (int(len(labels) * 0.8)) but wrote int(len(labels*0.8)), which is every image.</source>
            <translation>Не использовать 20% изображений в обучении и сообщать точность на них. Исходный код так и задумывал (взять 80% от числа меток), но скобка стоит не на своём месте: на 0,8 умножаются сами метки, а не их число, и в обучение попадают все изображения.</translation>
        </message>
        <message>
            <source>He initialisation</source>
            <translation>Инициализация He</translation>
        </message>
        <message>
            <source>Weights drawn from N(0, 2 / fan-in), the spread that keeps ReLU activations the same size layer after layer. U(−1, 1) makes 100-unit ReLU layers blow the signal up about fourfold per layer.</source>
            <translation>Веса из N(0, 2 / число входов) — разброс, при котором активации ReLU сохраняют величину от слоя к слою. С U(−1, 1) слои ReLU по 100 нейронов увеличивают сигнал примерно в четыре раза на каждом слое.</translation>
        </message>
        <message>
            <source>Three bugs in softmax training</source>
            <translation>Три ошибки в обучении с softmax</translation>
        </message>
        <message>
            <source>stuck at chance, and fixing the bugs is not enough</source>
            <translation>на уровне случайного угадывания, и исправить ошибки недостаточно</translation>
        </message>
        <message>
            <source>A 784-300-300-10 ReLU network with softmax outputs, trained for 5 epochs on Fashion-MNIST (MNIST when Fashion-MNIST is not in the data folder) in batches of 600 with lr 0.001 and N(0, 0.01) weights, carrying three bugs at once: the softmax derivative p(1 − p) multiplied onto the cross-entropy gradient, images taken from the unshuffled array while the labels are shuffled, and pixels left at 0–255.</source>
            <translation>Сеть ReLU 784-300-300-10 с выходами softmax, обучаемая 5 эпох на Fashion-MNIST (на MNIST, если Fashion-MNIST нет в папке данных) батчами по 600 со скоростью обучения 0,001 и весами из N(0, 0.01), с тремя ошибками сразу: производная softmax p(1 − p) домножается на градиент кросс-энтропии, изображения берутся из неперемешанного массива, хотя метки перемешиваются, а пиксели оставлены в диапазоне 0–255.</translation>
        </message>
        <message>
            <source>Accuracy stays at chance, about 10%, and the loss hardly moves. Remove the bugs one at a time: they interact, and with all three gone accuracy is still only about 13%, because weights of 0.01 shrink the signal at every layer and lr 0.001 is too small to recover. The tuning choices, He initialisation and lr 0.1 with momentum or Adam, finish the job.</source>
            <translation>Точность держится на уровне случайного угадывания, около 10%, а потери почти не меняются. Устраняйте ошибки по одной: они взаимодействуют, и даже без всех трёх точность лишь около 13%, потому что веса порядка 0,01 ослабляют сигнал на каждом слое, а скорости обучения 0,001 не хватает, чтобы это преодолеть. Доводят дело до конца варианты настройки: инициализация He и скорость обучения 0,1 с моментом или Adam.</translation>
        </message>
        <message>
            <source>softmax derivative p(1 − p) applied twice</source>
            <translation>производная softmax p(1 − p) применена дважды</translation>
        </message>
        <message>
            <source>images unshuffled, labels shuffled</source>
            <translation>изображения не перемешаны, метки перемешаны</translation>
        </message>
        <message>
            <source>pixels left at 0–255</source>
            <translation>пиксели оставлены в диапазоне 0–255</translation>
        </message>
        <message>
            <source>Pixel values of 0–255 make the first layer's sums hundreds of times larger than with inputs in [0, 1], and its gradient just as large: any learning rate that suits one layer is wrong for the others. Fixing it divides the pixels by 255.</source>
            <translation>Значения пикселей 0–255 делают суммы первого слоя в сотни раз больше, чем при входах в [0, 1], и его градиент — во столько же раз: любая скорость обучения, подходящая одному слою, не подходит остальным. Исправление делит пиксели на 255.</translation>
        </message>
        <message>
            <source>Weights drawn from N(0, 2 / fan-in) instead of N(0, 0.01²): with 784 inputs of about 0.1 each, weights of 0.01 make every layer's output about 30 times smaller than its input, so almost no signal or gradient gets through.</source>
            <translation>Веса из N(0, 2 / число входов) вместо N(0, 0.01²): при 784 входах порядка 0,1 каждый веса 0,01 делают выход каждого слоя примерно в 30 раз меньше его входа, так что сквозь сеть почти не проходят ни сигнал, ни градиент.</translation>
        </message>
        <message>
            <source>lr 0.1 with momentum 0.9</source>
            <translation>Скорость обучения 0,1 с моментом 0,9</translation>
        </message>
        <message>
            <source>A hundred times the learning rate, with momentum to smooth the steps: lr 0.001 with plain SGD moves the weights too little in 5 epochs.</source>
            <translation>Скорость обучения в сто раз выше и момент для сглаживания шагов: при скорости обучения 0,001 обычный SGD за 5 эпох сдвигает веса слишком мало.</translation>
        </message>
        <message>
            <source>Adam (lr 0.001)</source>
            <translation>Adam (скорость обучения 0,001)</translation>
        </message>
        <message>
            <source>Adam scales each weight's step by its own gradient history, so the tiny gradients of a badly initialised net still move it.</source>
            <translation>Adam масштабирует шаг каждого веса по его собственной истории градиентов, поэтому даже крошечные градиенты плохо инициализированной сети всё же сдвигают её веса.</translation>
        </message>
        <message>
            <source>unknown lab preset {name!r}; choose one of {presets}</source>
            <translation>неизвестный пример лаборатории {name!r}; выберите один из: {presets}</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>digitpad will be shown in {language} from its next start.</source>
            <translation>digitpad будет показан на языке «{language}» со следующего запуска.</translation>
        </message>
        <message>
            <source>&amp;Restart now</source>
            <translation>Перезапустить &amp;сейчас</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>&amp;Позже</translation>
        </message>
        <message>
            <source>digitpad could not start again by itself; start it as usual.</source>
            <translation>digitpad не удалось перезапустить автоматически; запустите его как обычно.</translation>
        </message>
        <message>
            <source>System</source>
            <translation>Системный</translation>
        </message>
        <message>
            <source>Follow the system's language (LANG)</source>
            <translation>Язык системы (LANG)</translation>
        </message>
    </context>
    <context>
        <name>Lists</name>
        <message>
            <source>, </source>
            <comment>between the items of a list</comment>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>Loading</name>
        <message>
            <source>split must be 'train' or 'test', got {split!r}</source>
            <translation>часть данных должна быть 'train' или 'test', получено {split!r}</translation>
        </message>
        <message>
            <source>{title} {split} data is missing ({files} not in {folder}); get it with `digitpad data download {name}` or `digitpad data import FILES`</source>
            <translation>нет данных {title} ({split}): {files} нет в {folder}; получите их командой `digitpad data download {name}` или `digitpad data import FILES`</translation>
        </message>
        <message>
            <source>{error}; get it again with `digitpad data download {name}`</source>
            <translation>{error}; получите их заново командой `digitpad data download {name}`</translation>
        </message>
        <message>
            <source>{source!r} is neither a dataset ({names}) nor an existing file or folder</source>
            <translation>{source!r} — не набор данных ({names}) и не существующий файл или папка</translation>
        </message>
        <message>
            <source>{file} has no label column; only labelled CSV files can be trained on</source>
            <translation>в {file} нет столбца меток; обучаться можно только на CSV-файлах с метками</translation>
        </message>
        <message>
            <source>{file}: cannot tell where its labels are; use the standard names (train-images-idx3-ubyte with train-labels-idx1-ubyte beside it)</source>
            <translation>{file}: не удаётся определить, где его метки; используйте стандартные имена (train-images-idx3-ubyte, а рядом train-labels-idx1-ubyte)</translation>
        </message>
        <message>
            <source>{name}: expected 28×28 images, got an array of shape {shape}</source>
            <translation>{name}: ожидались изображения 28×28, получен массив формы {shape}</translation>
        </message>
        <message>
            <source>{name}: {shape} labels do not match {images} images</source>
            <translation>{name}: метки ({shape}) не соответствуют изображениям ({images})</translation>
        </message>
        <message>
            <source>{name} holds no images</source>
            <translation>в {name} нет изображений</translation>
        </message>
        <message>
            <source>{title} has no held-out (test) digits among its {digits}: one digit in four, chosen by its id, is held out for testing; add more digits</source>
            <translation>среди цифр набора {title} (всего {digits}) нет отложенных (тестовых): для проверки откладывается каждая четвёртая цифра, выбранная по её id; добавьте ещё цифр</translation>
        </message>
        <message>
            <source>{title} has no training digits among its {digits}: one digit in four, chosen by its id, is held out for testing; add more digits</source>
            <translation>среди цифр набора {title} (всего {digits}) нет обучающих: для проверки откладывается каждая четвёртая цифра, выбранная по её id; добавьте ещё цифр</translation>
        </message>
    </context>
    <context>
        <name>LocalDatasets</name>
        <message>
            <source>a stratified 1/7 held out as test with seed {seed}</source>
            <translation>стратифицированная 1/7 отложена как тестовая выборка (зерно ГСЧ {seed})</translation>
        </message>
        <message>
            <source>1/7 held out as test with seed {seed}</source>
            <translation>1/7 отложена как тестовая выборка (зерно ГСЧ {seed})</translation>
        </message>
        <message>
            <source>a stratified {share:.1%} held out as test with seed {seed}</source>
            <translation>стратифицированная доля {share:.1%} отложена как тестовая выборка (зерно ГСЧ {seed})</translation>
        </message>
        <message>
            <source>{share:.1%} held out as test with seed {seed}</source>
            <translation>доля {share:.1%} отложена как тестовая выборка (зерно ГСЧ {seed})</translation>
        </message>
        <message>
            <source>the name {name!r} is taken by {title}; give the local dataset another with --name</source>
            <translation>имя {name!r} уже занято набором {title}; дайте локальному набору данных другое имя через --name</translation>
        </message>
        <message>
            <source>{name!r} cannot name a local dataset: use up to {most} lowercase letters, digits and '-' (not first or last), e.g. --name kaggle-train</source>
            <translation>{name!r} не подходит как имя локального набора данных: используйте до {most} строчных латинских букв, цифр и '-' (не первым и не последним), например --name kaggle-train</translation>
        </message>
        <message>
            <source>there is no local dataset {name!r} in {folder}</source>
            <translation>в {folder} нет локального набора данных {name!r}</translation>
        </message>
        <message>
            <source>{path}: cannot read it as a local dataset ({reason}); import the file again</source>
            <translation>{path}: не удаётся прочитать как локальный набор данных ({reason}); импортируйте файл заново</translation>
        </message>
        <message>
            <source>{folder}: the {split} split holds {images} images and {labels} labels, not the {recorded} its {record} records; import the file again</source>
            <translation>{folder}: в части {split} изображений {images} и меток {labels}, а не {recorded}, как записано в {record}; импортируйте файл заново</translation>
        </message>
        <message>
            <source>a local dataset {name!r} already exists (from {source}, another file); give this one another name with --name, or remove the old one first (delete the folder {folder})</source>
            <translation>локальный набор данных {name!r} уже существует (из {source}, другого файла); дайте этому другое имя через --name или сначала удалите старый (удалите папку {folder})</translation>
        </message>
        <message>
            <source>{folder} already exists and is not a local dataset; give another name with --name</source>
            <translation>{folder} уже существует и не является локальным набором данных; задайте другое имя через --name</translation>
        </message>
        <message>
            <source>{source}: {images} images are too few to hold out a test split (1/7 of each digit)</source>
            <translation>{source}: изображений слишком мало ({images}), чтобы отложить тестовую выборку (1/7 каждой цифры)</translation>
        </message>
    </context>
    <context>
        <name>LookAlikes</name>
        <message>
            <source>Draw something: the training images that look most like it appear here.</source>
            <translation>Нарисуйте что-нибудь — здесь появятся обучающие изображения, больше всего похожие на рисунок.</translation>
        </message>
        <message>
            <source>The look-alikes come when the training has ended: the network changes with every epoch.</source>
            <translation>Похожие появятся, когда обучение закончится: сеть меняется с каждой эпохой.</translation>
        </message>
        <message>
            <source>Passing the training images through the network to find the nearest ones…</source>
            <translation>Пропускаем обучающие изображения через сеть, чтобы найти ближайшие…</translation>
        </message>
        <message>
            <source>This model does not say which images it was trained on, so there are no training images to compare your drawing with.</source>
            <translation>Эта модель не сообщает, на каких изображениях она обучалась, поэтому нет обучающих изображений, с которыми можно сравнить ваш рисунок.</translation>
        </message>
        <message>
            <source>The {title} training images are not on this computer, so there are no look-alikes to show. Training a model on {title} offers to download them, as does `digitpad data download {source}` in a terminal.</source>
            <translation>Обучающих изображений {title} нет на этом компьютере, поэтому показать похожие нельзя. Скачать их предложит обучение модели на {title}, а также команда `digitpad data download {source}` в терминале.</translation>
        </message>
        <message>
            <source>Passing the training images through the network to find the nearest ones… {share:.0%}</source>
            <translation>Пропускаем обучающие изображения через сеть, чтобы найти ближайшие… {share:.0%}</translation>
        </message>
        <message>
            <source>No look-alikes: {error}</source>
            <translation>Похожих нет: {error}</translation>
        </message>
    </context>
    <context>
        <name>LookAlikesView</name>
        <message>
            <source>Nearest training images as the network sees them (last hidden layer)</source>
            <translation>Ближайшие обучающие изображения глазами сети (последний скрытый слой)</translation>
        </message>
        <message>
            <source>Nearest in pixel space</source>
            <translation>Ближайшие в пространстве пикселей</translation>
        </message>
        <message>
            <source>This network has no hidden layer: its look-alikes are in pixel space only.</source>
            <translation>У этой сети нет скрытого слоя: похожие ищутся только в пространстве пикселей.</translation>
        </message>
        <message>
            <source>This model reads a number, not a class: the labels are the training images’ digits, and the digit its output ×10 rounds to is marked.</source>
            <translation>Эта модель выдаёт число, а не класс: метки — это цифры обучающих изображений, а цифра, до которой округляется её выход ×10, отмечена.</translation>
        </message>
        <message>
            <source>The training images whose last hidden layer outputs lie nearest to your drawing’s (Euclidean): the images the network treats most like it, since its output layer reads only that layer.</source>
            <translation>Обучающие изображения, у которых выходы последнего скрытого слоя ближе всего к выходам для вашего рисунка (по евклидову расстоянию): изображения, которые сеть считает наиболее похожими на него, ведь её выходной слой читает только этот слой.</translation>
        </message>
        <message>
            <source>The training images nearest to your drawing pixel by pixel (Euclidean), after the same preprocessing the network sees: what your drawing looks like, before any learning.</source>
            <translation>Обучающие изображения, ближайшие к вашему рисунку попиксельно (по евклидову расстоянию), после той же предобработки, которую видит сеть: на что похож ваш рисунок до всякого обучения.</translation>
        </message>
        <message>
            <source>{name}s</source>
            <translation>«{name}»</translation>
        </message>
        <message>
            <source>labelled “{name}”</source>
            <translation>с меткой «{name}»</translation>
        </message>
        <message>
            <source>an {name}</source>
            <translation>«{name}»</translation>
        </message>
        <message>
            <source>a {name}</source>
            <translation>«{name}»</translation>
        </message>
        <message>
            <source>in the hidden layer</source>
            <translation>в скрытом слое</translation>
        </message>
        <message>
            <source>in pixel space</source>
            <translation>в пространстве пикселей</translation>
        </message>
        <message>
            <source>Its output ×10 rounds to {predicted}.</source>
            <translation>Её выход ×10 округляется до {predicted}.</translation>
        </message>
        <message>
            <source>It reads your drawing as {one}.</source>
            <translation>Сеть читает ваш рисунок как {one}.</translation>
        </message>
        <message>
            <source>its output ×10 rounds to {predicted}</source>
            <translation>её выход ×10 округляется до {predicted}</translation>
        </message>
        <message>
            <source>it reads your drawing as {one}</source>
            <translation>сеть читает ваш рисунок как {one}</translation>
        </message>
        <message numerus="yes">
            <source>{same} of its %n nearest neighbours {where} are {kind}: {reading}.</source>
            <translation>
                <numerusform>{same} из %n ближайшего соседа {where} — {kind}: {reading}.</numerusform>
                <numerusform>{same} из %n ближайших соседей {where} — {kind}: {reading}.</numerusform>
                <numerusform>{same} из %n ближайших соседей {where} — {kind}: {reading}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Only {same} of its %n nearest neighbours {where} are {kind}, yet {reading}; {most} are {other}.</source>
            <translation>
                <numerusform>Лишь {same} из %n ближайшего соседа {where} — {kind}, и всё же {reading}; {most} из них — {other}.</numerusform>
                <numerusform>Лишь {same} из %n ближайших соседей {where} — {kind}, и всё же {reading}; {most} из них — {other}.</numerusform>
                <numerusform>Лишь {same} из %n ближайших соседей {where} — {kind}, и всё же {reading}; {most} из них — {other}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>None of its %n nearest neighbours {where} are {kind}, yet {reading}; {most} are {other}.</source>
            <translation>
                <numerusform>Среди %n ближайшего соседа {where} нет ни одного {kind}, и всё же {reading}; {most} из них — {other}.</numerusform>
                <numerusform>Среди %n ближайших соседей {where} нет ни одного {kind}, и всё же {reading}; {most} из них — {other}.</numerusform>
                <numerusform>Среди %n ближайших соседей {where} нет ни одного {kind}, и всё же {reading}; {most} из них — {other}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Only {same} of its %n nearest neighbours {where} are {kind}, yet {reading}.</source>
            <translation>
                <numerusform>Лишь {same} из %n ближайшего соседа {where} — {kind}, и всё же {reading}.</numerusform>
                <numerusform>Лишь {same} из %n ближайших соседей {where} — {kind}, и всё же {reading}.</numerusform>
                <numerusform>Лишь {same} из %n ближайших соседей {where} — {kind}, и всё же {reading}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>None of its %n nearest neighbours {where} are {kind}, yet {reading}.</source>
            <translation>
                <numerusform>Среди %n ближайшего соседа {where} нет ни одного {kind}, и всё же {reading}.</numerusform>
                <numerusform>Среди %n ближайших соседей {where} нет ни одного {kind}, и всё же {reading}.</numerusform>
                <numerusform>Среди %n ближайших соседей {where} нет ни одного {kind}, и всё же {reading}.</numerusform>
            </translation>
        </message>
        <message>
            <source>{caption}: {tip}</source>
            <translation>{caption}: {tip}</translation>
        </message>
        <message>
            <source>Training image {index:,}, labelled {name}: distance {distance:.3g} in the last hidden layer. Click to put it on the canvas.</source>
            <translation>Обучающее изображение {index:,} с меткой {name}: расстояние {distance:.3g} в последнем скрытом слое. Щёлкните, чтобы перенести его на холст.</translation>
        </message>
        <message>
            <source>Training image {index:,}, labelled {name}: distance {distance:.3g} in pixel space. Click to put it on the canvas.</source>
            <translation>Обучающее изображение {index:,} с меткой {name}: расстояние {distance:.3g} в пространстве пикселей. Щёлкните, чтобы перенести его на холст.</translation>
        </message>
        <message>
            <source>training image {index:,} (labelled {name})</source>
            <translation>обучающее изображение {index:,} (метка {name})</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Runs are not recorded: {error}</source>
            <translation>Запуски не записываются: {error}</translation>
        </message>
        <message>
            <source>The model that reads your drawing (Model ▸ Model details… for more)</source>
            <translation>Модель, которая читает ваш рисунок (подробнее: Модель ▸ Сведения о модели…)</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>Обучение</translation>
        </message>
        <message>
            <source>Lab</source>
            <translation>Лаборатория</translation>
        </message>
        <message>
            <source>Doctor</source>
            <translation>Диагноз</translation>
        </message>
        <message>
            <source>Gradients</source>
            <translation>Градиенты</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Сеть</translation>
        </message>
        <message>
            <source>Backprop</source>
            <translation>Обр. проход</translation>
        </message>
        <message>
            <source>Look-alikes</source>
            <translation>Похожие</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Запуски</translation>
        </message>
        <message>
            <source>Wide</source>
            <translation>Шире</translation>
        </message>
        <message>
            <source>Give these tabs the whole width and more height (Ctrl+E); again to bring the plots back</source>
            <translation>Отдать этим вкладкам всю ширину и больше высоты (Ctrl+E); повторно — вернуть графики</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Очистить</translation>
        </message>
        <message>
            <source>Clear the canvas (Esc)</source>
            <translation>Очистить холст (Esc)</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <source>Undo the last stroke (Ctrl+Z)</source>
            <translation>Отменить последний штрих (Ctrl+Z)</translation>
        </message>
        <message>
            <source>Eraser</source>
            <translation>Ластик</translation>
        </message>
        <message>
            <source>Left button erases while on (E); the right button always erases</source>
            <translation>Когда включено, левая кнопка стирает (E); правая кнопка стирает всегда</translation>
        </message>
        <message>
            <source>Prediction</source>
            <translation>Предсказание</translation>
        </message>
        <message>
            <source>What the model sees:</source>
            <translation>Что видит модель:</translation>
        </message>
        <message>
            <source>{name} (edited)</source>
            <translation>{name} (изменена)</translation>
        </message>
        <message>
            <source>{name}[*] — digitpad</source>
            <translation>{name}[*] — digitpad</translation>
        </message>
        <message>
            <source>A step on the drawing can be taken once the training has ended.</source>
            <translation>Шаг на рисунке можно сделать, когда обучение закончится.</translation>
        </message>
        <message>
            <source>The step can be taken back once the training has ended.</source>
            <translation>Шаг можно отменить, когда обучение закончится.</translation>
        </message>
        <message>
            <source>No test set</source>
            <translation>Нет тестовой выборки</translation>
        </message>
        <message>
            <source>Looking inside needs the test images of {dataset}, which are not on this computer. Train or download the dataset first.</source>
            <translation>Чтобы заглянуть внутрь, нужны тестовые изображения {dataset}, а их нет на этом компьютере. Сначала обучите модель или скачайте набор данных.</translation>
        </message>
        <message>
            <source>the model’s dataset</source>
            <translation>набора данных модели</translation>
        </message>
        <message>
            <source>On the canvas: {caption}. Draw over it or erase parts and watch the answer change; Ctrl+Z brings back your drawing.</source>
            <translation>На холсте: {caption}. Рисуйте поверх или стирайте части и смотрите, как меняется ответ; Ctrl+Z возвращает ваш рисунок.</translation>
        </message>
        <message>
            <source>About digitpad</source>
            <translation>О программе digitpad</translation>
        </message>
        <message>
            <source>&lt;b&gt;digitpad&lt;/b&gt; — draw digits, train a neural network written in NumPy, and watch it learn.</source>
            <translation>&lt;b&gt;digitpad&lt;/b&gt; — рисуйте цифры, обучайте нейронную сеть, написанную на NumPy, и наблюдайте, как она учится.</translation>
        </message>
        <message>
            <source>The saved training settings were unreadable; defaults are used.</source>
            <translation>Сохранённые настройки обучения не удалось прочитать; используются значения по умолчанию.</translation>
        </message>
        <message>
            <source>Training is running</source>
            <translation>Идёт обучение</translation>
        </message>
        <message>
            <source>Stop training and quit? The epochs trained so far are kept: the next start offers to resume the run.</source>
            <translation>Остановить обучение и выйти? Уже обученные эпохи сохранятся: при следующем старте программы вам предложат продолжить этот запуск.</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Остановка…</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>Open &amp;recent</source>
            <translation>Открыть &amp;недавние</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Экспорт</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <source>&amp;ONNX…</source>
            <translation>&amp;Файл ONNX…</translation>
        </message>
        <message>
            <source>The model as an ONNX file (input pixels, output probabilities), checked against digitpad</source>
            <translation>Модель в виде файла ONNX (на входе пиксели, на выходе вероятности), сверенного с digitpad</translation>
        </message>
        <message>
            <source>&amp;PyTorch script…</source>
            <translation>&amp;Скрипт PyTorch…</translation>
        </message>
        <message>
            <source>A standalone script that builds the same torch.nn.Sequential and checks itself on the drawing</source>
            <translation>Самостоятельный скрипт, который строит такую же torch.nn.Sequential и проверяет себя на рисунке</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;New model</source>
            <translation>&amp;Новая модель</translation>
        </message>
        <message>
            <source>An untrained network with the current settings</source>
            <translation>Необученная сеть с текущими настройками</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Открыть…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Сохранить</translation>
        </message>
        <message>
            <source>Save &amp;as…</source>
            <translation>Сохранить &amp;как…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Выход</translation>
        </message>
        <message>
            <source>&amp;Draw</source>
            <translation>&amp;Рисунок</translation>
        </message>
        <message>
            <source>&amp;Undo stroke</source>
            <translation>&amp;Отменить штрих</translation>
        </message>
        <message>
            <source>&amp;Clear</source>
            <translation>О&amp;чистить</translation>
        </message>
        <message>
            <source>&amp;Eraser</source>
            <translation>&amp;Ластик</translation>
        </message>
        <message>
            <source>Show &amp;saliency</source>
            <translation>Показать карту &amp;значимости</translation>
        </message>
        <message>
            <source>Colour the drawing by how each pixel pushes the top class: red raises it, blue lowers it</source>
            <translation>Раскрасить рисунок по тому, как каждый пиксель влияет на главный ответ: красный поднимает его, синий опускает</translation>
        </message>
        <message>
            <source>&amp;My digits…</source>
            <translation>&amp;Мои цифры…</translation>
        </message>
        <message>
            <source>Your own digits kept with Correct it (Ctrl+0 … Ctrl+9): the model's reading of each, delete, relabel, import and export</source>
            <translation>Ваши собственные цифры, сохранённые через «Исправить» (Ctrl+0 … Ctrl+9): как модель читает каждую, удаление, смена метки, импорт и экспорт</translation>
        </message>
        <message>
            <source>&amp;Training</source>
            <translation>О&amp;бучение</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>&amp;Обучить</translation>
        </message>
        <message>
            <source>&amp;Pause / resume</source>
            <translation>&amp;Пауза / продолжить</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>Ос&amp;тановить</translation>
        </message>
        <message>
            <source>&amp;Lab</source>
            <translation>&amp;Лаборатория</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>&amp;Модель</translation>
        </message>
        <message>
            <source>Model &amp;details…</source>
            <translation>&amp;Сведения о модели…</translation>
        </message>
        <message>
            <source>&amp;Look inside…</source>
            <translation>&amp;Заглянуть внутрь…</translation>
        </message>
        <message>
            <source>Confusion matrix, mistakes, first-layer weights, activations and a gradient check on the model's test set</source>
            <translation>Матрица ошибок, ошибки, веса первого слоя, активации и проверка градиента на тестовой выборке модели</translation>
        </message>
        <message>
            <source>&amp;Teach it my digits…</source>
            <translation>&amp;Дообучить на моих цифрах…</translation>
        </message>
        <message>
            <source>Fine-tune the model on MNIST mixed with My digits, and see the honest before/after: your held-out digits, MNIST's test set, this drawing</source>
            <translation>Дообучить модель на MNIST вперемешку с «Моими цифрами» и честно увидеть «до» и «после»: на ваших отложенных цифрах, на тестовой выборке MNIST, на этом рисунке</translation>
        </message>
        <message>
            <source>&amp;Wide tabs beside the plots</source>
            <translation>&amp;Широкие вкладки рядом с графиками</translation>
        </message>
        <message>
            <source>Give the Network, Backprop and other tabs the whole width and more height (again: back)</source>
            <translation>Отдать вкладкам «Сеть», «Обратный проход» и другим всю ширину и больше высоты (повторно — вернуть)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>&amp;How to use digitpad</source>
            <translation>&amp;Как пользоваться digitpad</translation>
        </message>
        <message>
            <source>The main steps, what each view shows, and every shortcut</source>
            <translation>Основные шаги, что показывает каждый вид, и все сочетания клавиш</translation>
        </message>
        <message>
            <source>&amp;About digitpad</source>
            <translation>&amp;О программе digitpad</translation>
        </message>
    </context>
    <context>
        <name>MistakeDialog</name>
        <message>
            <source>The probabilities the network gave this test image, as the main window's bars show a drawing's</source>
            <translation>Вероятности, которые сеть дала этому тестовому изображению, — так же, как полосы главного окна показывают их для рисунка</translation>
        </message>
        <message>
            <source>Draw on the canvas</source>
            <translation>Рисовать на холсте</translation>
        </message>
        <message>
            <source>Put this image on the main window's canvas: change it with the brush and the eraser and watch the probabilities move</source>
            <translation>Перенести это изображение на холст главного окна: изменяйте его кистью и ластиком и смотрите, как меняются вероятности</translation>
        </message>
        <message>
            <source>correct</source>
            <translation>верно</translation>
        </message>
        <message>
            <source>wrong</source>
            <translation>неверно</translation>
        </message>
        <message>
            <source>predicted: &lt;b&gt;{predicted}&lt;/b&gt; ({verdict}), the digit its one output ×10 rounds to; a regression gives no class probabilities</source>
            <translation>предсказание: &lt;b&gt;{predicted}&lt;/b&gt; ({verdict}) — цифра, до которой округляется единственный выход ×10; регрессия не даёт вероятностей классов</translation>
        </message>
        <message>
            <source>predicted: &lt;b&gt;{predicted}&lt;/b&gt; with {probability} ({verdict})&lt;br&gt;probability of the true class: {true_probability}</source>
            <translation>предсказание: &lt;b&gt;{predicted}&lt;/b&gt; с вероятностью {probability} ({verdict})&lt;br&gt;вероятность истинного класса: {true_probability}</translation>
        </message>
        <message>
            <source>&lt;b&gt;Test image {index:,}&lt;/b&gt;&lt;br&gt;true class: &lt;b&gt;{true}&lt;/b&gt;&lt;br&gt;{answer}</source>
            <translation>&lt;b&gt;Тестовое изображение {index:,}&lt;/b&gt;&lt;br&gt;истинный класс: &lt;b&gt;{true}&lt;/b&gt;&lt;br&gt;{answer}</translation>
        </message>
        <message>
            <source>test image {index:,} (true class {true})</source>
            <translation>тестовое изображение {index:,} (истинный класс {true})</translation>
        </message>
        <message>
            <source>Test image {index:,}: {true} → {predicted}</source>
            <translation>Тестовое изображение {index:,}: {true} → {predicted}</translation>
        </message>
    </context>
    <context>
        <name>MistakesGallery</name>
        <message>
            <source>Test image {index:,}
true class: {true}
predicted: {predicted} (its one output ×10, rounded)</source>
            <translation>Тестовое изображение {index:,}
истинный класс: {true}
предсказание: {predicted} (единственный выход ×10, округлённый)</translation>
        </message>
        <message>
            <source>Test image {index:,}
true class: {true}
predicted: {predicted} with probability {probability}
probability of the true class: {true_probability}</source>
            <translation>Тестовое изображение {index:,}
истинный класс: {true}
предсказание: {predicted} с вероятностью {probability}
вероятность истинного класса: {true_probability}</translation>
        </message>
        <message>
            <source>Show all mistakes</source>
            <translation>Показать все ошибки</translation>
        </message>
        <message>
            <source>Leave the confusion-matrix cell and show every misclassified test image</source>
            <translation>Выйти из клетки матрицы ошибок и показать все неверно классифицированные тестовые изображения</translation>
        </message>
        <message>
            <source>Hover a thumbnail for details; double-click it (or press Enter) to open it large with every class's probability. Each shows what the network saw: true → predicted class and the probability the network gave its prediction.</source>
            <translation>Наведите курсор на миниатюру, чтобы увидеть подробности; дважды щёлкните её (или нажмите Enter), чтобы открыть крупно с вероятностями всех классов. Каждая миниатюра показывает, что увидела сеть: истинный → предсказанный класс и вероятность, которую сеть дала своему предсказанию.</translation>
        </message>
        <message>
            <source>No test image of true class &lt;b&gt;{true}&lt;/b&gt; was predicted as &lt;b&gt;{predicted}&lt;/b&gt;.</source>
            <translation>Ни одно тестовое изображение истинного класса &lt;b&gt;{true}&lt;/b&gt; не было предсказано как &lt;b&gt;{predicted}&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; correctly classified image of true class &lt;b&gt;{true}&lt;/b&gt; predicted as &lt;b&gt;{predicted}&lt;/b&gt;, most confident first.</source>
            <translation>&lt;b&gt;{n:,}&lt;/b&gt; верно классифицированное изображение истинного класса &lt;b&gt;{true}&lt;/b&gt;, предсказанное как &lt;b&gt;{predicted}&lt;/b&gt;; сначала самые уверенные.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; correctly classified images of true class &lt;b&gt;{true}&lt;/b&gt; predicted as &lt;b&gt;{predicted}&lt;/b&gt;, most confident first.</source>
            <translation>Верно классифицированные изображения истинного класса &lt;b&gt;{true}&lt;/b&gt;, предсказанные как &lt;b&gt;{predicted}&lt;/b&gt;: &lt;b&gt;{n:,}&lt;/b&gt;; сначала самые уверенные.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; misclassified image of true class &lt;b&gt;{true}&lt;/b&gt; predicted as &lt;b&gt;{predicted}&lt;/b&gt;, most confident first.</source>
            <translation>&lt;b&gt;{n:,}&lt;/b&gt; неверно классифицированное изображение истинного класса &lt;b&gt;{true}&lt;/b&gt;, предсказанное как &lt;b&gt;{predicted}&lt;/b&gt;; сначала самые уверенные.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; misclassified images of true class &lt;b&gt;{true}&lt;/b&gt; predicted as &lt;b&gt;{predicted}&lt;/b&gt;, most confident first.</source>
            <translation>Неверно классифицированные изображения истинного класса &lt;b&gt;{true}&lt;/b&gt;, предсказанные как &lt;b&gt;{predicted}&lt;/b&gt;: &lt;b&gt;{n:,}&lt;/b&gt;; сначала самые уверенные.</translation>
        </message>
        <message>
            <source>No mistakes: all {total:,} test images are classified correctly.</source>
            <translation>Ошибок нет: все тестовые изображения ({total:,}) классифицированы верно.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; of {total:,} test images misclassified ({share}), most confident first. Under each: true → predicted class and the probability the network gave its answer.</source>
            <translation>Неверно классифицированные тестовые изображения: &lt;b&gt;{n:,}&lt;/b&gt; из {total:,} ({share}); сначала самые уверенные. Под каждым: истинный → предсказанный класс и вероятность, которую сеть дала своему ответу.</translation>
        </message>
    </context>
    <context>
        <name>ModelEdits</name>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{network}&lt;br&gt;Edited by hand: {edits}</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{network}&lt;br&gt;Изменено вручную: {edits}</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{network}</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{network}</translation>
        </message>
        <message numerus="yes">
            <source>%n unit switched off</source>
            <translation>
                <numerusform>отключён %n нейрон</numerusform>
                <numerusform>отключены %n нейрона</numerusform>
                <numerusform>отключено %n нейронов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n units switched off</source>
            <translation>
                <numerusform>отключён %n нейрон</numerusform>
                <numerusform>отключены %n нейрона</numerusform>
                <numerusform>отключено %n нейронов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unit scaled</source>
            <translation>
                <numerusform>масштабирован %n нейрон</numerusform>
                <numerusform>масштабированы %n нейрона</numerusform>
                <numerusform>масштабировано %n нейронов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n units scaled</source>
            <translation>
                <numerusform>масштабирован %n нейрон</numerusform>
                <numerusform>масштабированы %n нейрона</numerusform>
                <numerusform>масштабировано %n нейронов</numerusform>
            </translation>
        </message>
        <message>
            <source>{switched_off}, {scaled}</source>
            <translation>{switched_off}, {scaled}</translation>
        </message>
        <message numerus="yes">
            <source>%n step on one drawing</source>
            <translation>
                <numerusform>%n шаг на одном рисунке</numerusform>
                <numerusform>%n шага на одном рисунке</numerusform>
                <numerusform>%n шагов на одном рисунке</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n steps on one drawing</source>
            <translation>
                <numerusform>%n шаг на одном рисунке</numerusform>
                <numerusform>%n шага на одном рисунке</numerusform>
                <numerusform>%n шагов на одном рисунке</numerusform>
            </translation>
        </message>
        <message>
            <source>{units}; {steps}</source>
            <translation>{units}; {steps}</translation>
        </message>
    </context>
    <context>
        <name>ModelFile</name>
        <message>
            <source>digitpad opens the .npz model files it saves (File ▸ Save in the window, digitpad train --output on the command line).</source>
            <translation>digitpad открывает файлы моделей .npz, которые сам сохраняет (Файл ▸ Сохранить в окне, digitpad train --output в командной строке).</translation>
        </message>
        <message>
            <source>cannot save model to {path}: {error}</source>
            <translation>не удаётся сохранить модель в {path}: {error}</translation>
        </message>
        <message>
            <source>no such file: {path}</source>
            <translation>нет такого файла: {path}</translation>
        </message>
        <message>
            <source>cannot read {path}: {error}</source>
            <translation>не удаётся прочитать {path}: {error}</translation>
        </message>
        <message>
            <source>{file} is not a digitpad model: {reason}. {expected}</source>
            <translation>{file} — не модель digitpad: {reason}. {expected}</translation>
        </message>
        <message>
            <source>{file} is not a valid model file: {reason}</source>
            <translation>{file} — недопустимый файл модели: {reason}</translation>
        </message>
        <message>
            <source>{file} is not a digitpad model: it is not a zip archive, or a damaged or incomplete one. {expected}</source>
            <translation>{file} — не модель digitpad: это не zip-архив либо повреждённый или неполный архив. {expected}</translation>
        </message>
        <message>
            <source>array {name} is {size:,} bytes, more than its {limit:,} limit</source>
            <translation>массив {name} занимает {size:,} байт, больше предела в {limit:,}</translation>
        </message>
        <message>
            <source>array {name} is damaged or not a plain array of numbers (pickled objects are never loaded): {error}</source>
            <translation>массив {name} повреждён или не является простым массивом чисел (pickle-объекты никогда не загружаются): {error}</translation>
        </message>
        <message>
            <source>it is a .npz archive without the 'metadata' entry every digitpad model has, so probably arrays saved by another program</source>
            <translation>это архив .npz без записи «metadata», которая есть у каждой модели digitpad, — вероятно, массивы, сохранённые другой программой</translation>
        </message>
        <message>
            <source>metadata must be a 1-d uint8 array of UTF-8 JSON, not {dtype}{shape}</source>
            <translation>metadata должны быть одномерным массивом uint8 с JSON в UTF-8, а не {dtype}{shape}</translation>
        </message>
        <message>
            <source>metadata is not valid UTF-8 JSON: {error}</source>
            <translation>metadata — недопустимый JSON в UTF-8: {error}</translation>
        </message>
        <message>
            <source>metadata nests objects or lists more than {depth} deep; digitpad writes 3</source>
            <translation>в metadata объекты или списки вложены глубже {depth} уровней; digitpad записывает 3</translation>
        </message>
        <message>
            <source>weight array(s) {names} missing</source>
            <translation>нет массивов весов: {names}</translation>
        </message>
        <message>
            <source>unexpected entries {names}</source>
            <translation>неожиданные записи: {names}</translation>
        </message>
        <message>
            <source>an integer</source>
            <translation>целое число</translation>
        </message>
        <message>
            <source>a finite number</source>
            <translation>конечное число</translation>
        </message>
        <message>
            <source>a string</source>
            <translation>строка</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>список</translation>
        </message>
        <message>
            <source>an object</source>
            <translation>объект</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true или false</translation>
        </message>
        <message>
            <source>positive</source>
            <translation>положительное число</translation>
        </message>
        <message>
            <source>in [0, 1)</source>
            <translation>число в [0, 1)</translation>
        </message>
        <message>
            <source>zero or positive</source>
            <translation>ноль или положительное число</translation>
        </message>
        <message>
            <source>a hyperparameter is NaN or infinite, which JSON cannot store</source>
            <translation>гиперпараметр равен NaN или бесконечности, а JSON не может это сохранить</translation>
        </message>
        <message>
            <source>{where} must be {kind}, got {value}</source>
            <translation>{where}: ожидается {kind}, получено {value}</translation>
        </message>
        <message>
            <source>{where} lacks field(s) {fields}</source>
            <translation>{where}: нет полей {fields}</translation>
        </message>
        <message>
            <source>{where} has unknown field(s) {fields}</source>
            <translation>{where}: неизвестные поля {fields}</translation>
        </message>
        <message>
            <source>{where} field {key!r}</source>
            <translation>{where}, поле {key!r}</translation>
        </message>
        <message>
            <source>metadata has no format_version (this digitpad reads versions {supported})</source>
            <translation>в metadata нет format_version (этот digitpad читает версии {supported})</translation>
        </message>
        <message>
            <source>format_version {version} is not supported (this digitpad reads versions {supported}); a newer digitpad may open it</source>
            <translation>format_version {version} не поддерживается (этот digitpad читает версии {supported}); возможно, его откроет более новый digitpad</translation>
        </message>
        <message>
            <source>history {key!r}</source>
            <translation>история {key!r}</translation>
        </message>
        <message>
            <source>metric {key!r}</source>
            <translation>метрика {key!r}</translation>
        </message>
        <message>
            <source>created must be an ISO 8601 time, got {value!r}</source>
            <translation>created должно быть временем в формате ISO 8601, получено {value!r}</translation>
        </message>
        <message>
            <source>history {key!r} has {count:,} values; at most {limit:,} are allowed</source>
            <translation>история {key!r}: значений — {count:,}; допускается не больше {limit:,}</translation>
        </message>
        <message>
            <source>hyperparameter {key!r}</source>
            <translation>гиперпараметр {key!r}</translation>
        </message>
        <message>
            <source>{what} is {length:,} characters long; at most {limit:,} are allowed</source>
            <translation>{what}: длина — {length:,} симв.; допускается не больше {limit:,}</translation>
        </message>
        <message>
            <source>{key} has {count:,} entries; at most {limit:,} are allowed</source>
            <translation>{key}: записей — {count:,}; допускается не больше {limit:,}</translation>
        </message>
        <message>
            <source>{where} epoch and batch must be zero or positive, got epoch {epoch}, batch {batch}</source>
            <translation>{where}: эпоха и батч должны быть нулём или положительными, получено: эпоха {epoch}, батч {batch}</translation>
        </message>
        <message>
            <source>{where} setting {name!r} is unknown; known: {known}</source>
            <translation>{where}: неизвестная настройка {name!r}; известны: {known}</translation>
        </message>
        <message>
            <source>{where}: {setting} must be {words}, got {value}</source>
            <translation>{where}: для {setting} ожидается {words}, получено {value}</translation>
        </message>
        <message>
            <source>{where} (epoch {epoch}, batch {batch}) comes before the change above it (epoch {previous_epoch}, batch {previous_batch}); changes must be in the order they took effect</source>
            <translation>{where} (эпоха {epoch}, батч {batch}) идёт раньше изменения над ним (эпоха {previous_epoch}, батч {previous_batch}); изменения должны идти в том порядке, в котором вступали в силу</translation>
        </message>
        <message>
            <source>mistakes[{i}] must be a name of 1 to {limit} characters, got {length:,} characters</source>
            <translation>mistakes[{i}] должно быть именем длиной от 1 до {limit} символов, получено символов: {length:,}</translation>
        </message>
        <message>
            <source>mistakes[{i}] {name!r} is listed twice</source>
            <translation>mistakes[{i}] {name!r} указано дважды</translation>
        </message>
        <message>
            <source>edits has {count:,} entries; at most one per hidden unit and {limit:,} steps are allowed</source>
            <translation>edits: записей — {count:,}; допускается не больше одной на нейрон скрытого слоя и {limit:,} шагов</translation>
        </message>
        <message>
            <source>{where} kind {name!r} is unknown; known: {known}</source>
            <translation>{where}: неизвестный вид {name!r}; известны: {known}</translation>
        </message>
        <message>
            <source>{where} needs a label from 0 to {last} and a positive lr, got label {label}, lr {lr}</source>
            <translation>{where}: нужны метка от 0 до {last} и положительный lr, получено: метка {label}, lr {lr}</translation>
        </message>
        <message>
            <source>{where} names unit {unit} of hidden layer {layer}, which the network {sizes} does not have</source>
            <translation>{where} указывает нейрон {unit} скрытого слоя {layer}, которого нет в сети {sizes}</translation>
        </message>
        <message>
            <source>{where} edits unit {unit} of hidden layer {layer} a second time</source>
            <translation>{where} повторно изменяет нейрон {unit} скрытого слоя {layer}</translation>
        </message>
        <message>
            <source>network sizes have {count:,} hidden layers; at most {limit} are allowed</source>
            <translation>в размерах сети скрытых слоёв: {count:,}; допускается не больше {limit}</translation>
        </message>
        <message>
            <source>each of network sizes</source>
            <translation>каждый из размеров сети</translation>
        </message>
        <message>
            <source>network sizes must be positive, got {sizes}</source>
            <translation>размеры сети должны быть положительными, получено {sizes}</translation>
        </message>
        <message>
            <source>network sizes {sizes} have a layer over {limit:,} units</source>
            <translation>в размерах сети {sizes} есть слой больше чем из {limit:,} нейронов</translation>
        </message>
        <message>
            <source>network sizes {sizes} need {count:,} parameters, over the {limit:,} allowed</source>
            <translation>размерам сети {sizes} нужно параметров: {count:,}, а допускается не больше {limit:,}</translation>
        </message>
        <message>
            <source>network: {error}</source>
            <translation>сеть: {error}</translation>
        </message>
        <message>
            <source>{where} {name!r} is unknown; known: {known}</source>
            <translation>{where}: неизвестное значение {name!r}; известны: {known}</translation>
        </message>
        <message>
            <source>each of input_shape</source>
            <translation>каждый элемент input_shape</translation>
        </message>
        <message>
            <source>input_shape {shape} does not match preprocessing {name!r} (needs {needed})</source>
            <translation>input_shape {shape} не соответствует предобработке {name!r} (нужно {needed})</translation>
        </message>
        <message>
            <source>input_shape {shape} has {pixels} pixels; the network takes {inputs} inputs</source>
            <translation>в input_shape {shape} пикселей: {pixels}, а сеть принимает входов: {inputs}</translation>
        </message>
        <message>
            <source>input_scale must be positive, got {value}</source>
            <translation>input_scale должен быть положительным, получено {value}</translation>
        </message>
        <message>
            <source>class_names must be {count} strings, one per class, got {names}</source>
            <translation>class_names должно быть {count} строк, по одной на класс, получено {names}</translation>
        </message>
        <message>
            <source>array {name} has dtype {dtype}, expected {expected}</source>
            <translation>массив {name} имеет тип {dtype}, ожидается {expected}</translation>
        </message>
        <message>
            <source>array {name} has shape {shape}, expected {expected}</source>
            <translation>массив {name} имеет форму {shape}, ожидается {expected}</translation>
        </message>
        <message>
            <source>array {name} contains NaN or infinite values</source>
            <translation>массив {name} содержит NaN или бесконечные значения</translation>
        </message>
    </context>
    <context>
        <name>ModelFiles</name>
        <message>
            <source>digitpad models (*.npz);;All files (*)</source>
            <translation>Модели digitpad (*.npz);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Без имени</translation>
        </message>
        <message>
            <source>Open model</source>
            <translation>Открыть модель</translation>
        </message>
        <message>
            <source>Training is running</source>
            <translation>Идёт обучение</translation>
        </message>
        <message>
            <source>Stop the training before opening another model.</source>
            <translation>Остановите обучение, прежде чем открывать другую модель.</translation>
        </message>
        <message>
            <source>Cannot open model</source>
            <translation>Не удаётся открыть модель</translation>
        </message>
        <message>
            <source>{file} cannot be opened: {error}

The current model stays loaded.</source>
            <translation>Не удаётся открыть {file}: {error}

Текущая модель остаётся загруженной.</translation>
        </message>
        <message>
            <source>Opened {path}</source>
            <translation>Открыт файл {path}</translation>
        </message>
        <message>
            <source>No recent models</source>
            <translation>Нет недавних моделей</translation>
        </message>
        <message>
            <source>Save model</source>
            <translation>Сохранить модель</translation>
        </message>
        <message>
            <source>Cannot save model</source>
            <translation>Не удаётся сохранить модель</translation>
        </message>
        <message>
            <source>{file} was not saved: {error}</source>
            <translation>Файл {file} не сохранён: {error}</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Сохранено: {path}</translation>
        </message>
        <message>
            <source>Unsaved model</source>
            <translation>Несохранённая модель</translation>
        </message>
        <message>
            <source>The trained model has not been saved. Save it first?</source>
            <translation>Обученная модель не сохранена. Сохранить её сначала?</translation>
        </message>
        <message>
            <source>Training replaces the trained model, which has not been saved. Save it first? (Its curves stay in the Runs tab either way.)</source>
            <translation>Обучение заменит обученную модель, которая не сохранена. Сохранить её сначала? (Её кривые в любом случае останутся на вкладке «Запуски».)</translation>
        </message>
        <message>
            <source>Don't ask again before training</source>
            <translation>Больше не спрашивать перед обучением</translation>
        </message>
        <message>
            <source>it records the deliberate lab mistake {name!r}, which this digitpad does not know; a newer digitpad may open it</source>
            <translation>в ней записана намеренная ошибка лаборатории {name!r}, неизвестная этому digitpad; возможно, её откроет более новый digitpad</translation>
        </message>
        <message>
            <source>it records a deliberate lab mistake its network cannot have: {error}</source>
            <translation>в ней записана намеренная ошибка лаборатории, которой не может быть у её сети: {error}</translation>
        </message>
        <message>
            <source>it records the deliberate lab mistake {name!r}, which is a mistake of the training loop, not a network's</source>
            <translation>в ней записана намеренная ошибка лаборатории {name!r}, а это ошибка цикла обучения, а не сети</translation>
        </message>
    </context>
    <context>
        <name>ModelInfo</name>
        <message>
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <source>no</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>all</source>
            <translation>все</translation>
        </message>
        <message>
            <source>Uniform(−1, 1)</source>
            <translation>Равномерное(−1, 1)</translation>
        </message>
        <message>
            <source>Normal(0, 0.01)</source>
            <translation>Нормальное(0, 0.01)</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Данные</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Сеть</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>Оптимизатор</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Запуск</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>Набор данных</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Изображения</translation>
        </message>
        <message>
            <source>first {count}</source>
            <translation>первые {count}</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Валидационная выборка</translation>
        </message>
        <message>
            <source>{percent:g} %</source>
            <translation>{percent:g} %</translation>
        </message>
        <message>
            <source>Random shift</source>
            <translation>Случайный сдвиг</translation>
        </message>
        <message>
            <source>off</source>
            <translation>выкл.</translation>
        </message>
        <message>
            <source>{pixels} px</source>
            <translation>{pixels} пикс.</translation>
        </message>
        <message>
            <source>Scale inputs to [0, 1]</source>
            <translation>Масштабировать входы в [0, 1]</translation>
        </message>
        <message>
            <source>Hidden layers</source>
            <translation>Скрытые слои</translation>
        </message>
        <message>
            <source>none (a linear model)</source>
            <translation>нет (линейная модель)</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>Функция активации</translation>
        </message>
        <message>
            <source>Output + loss</source>
            <translation>Выход + потери</translation>
        </message>
        <message>
            <source>Regression: one output = label/10</source>
            <translation>Регрессия: один выход = метка/10</translation>
        </message>
        <message>
            <source>Initialiser</source>
            <translation>Способ инициализации</translation>
        </message>
        <message>
            <source>Layers have a bias</source>
            <translation>Слои со смещениями</translation>
        </message>
        <message>
            <source>64-bit floats</source>
            <translation>64-битные числа с плавающей точкой</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>Скорость обучения</translation>
        </message>
        <message>
            <source>Momentum</source>
            <translation>Момент</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Расписание</translation>
        </message>
        <message>
            <source>Weight decay</source>
            <translation>Снижение весов</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>Размер батча</translation>
        </message>
        <message>
            <source>full batch</source>
            <translation>полный батч</translation>
        </message>
        <message>
            <source>Sum the gradient over the batch</source>
            <translation>Суммировать градиент по батчу</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>Эпохи</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Зерно ГСЧ</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Обучение</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>Тест</translation>
        </message>
        <message>
            <source>Training loss</source>
            <translation>Потери на обучающей выборке</translation>
        </message>
        <message>
            <source>Training accuracy</source>
            <translation>Точность на обучающей выборке</translation>
        </message>
        <message>
            <source>Validation loss</source>
            <translation>Потери на валидационной выборке</translation>
        </message>
        <message>
            <source>Validation accuracy</source>
            <translation>Точность на валидационной выборке</translation>
        </message>
        <message>
            <source>Test loss</source>
            <translation>Потери на тестовой выборке</translation>
        </message>
        <message>
            <source>Test accuracy</source>
            <translation>Точность на тестовой выборке</translation>
        </message>
        <message>
            <source>Test accuracy before tuning</source>
            <translation>Точность на тестовой выборке до дообучения</translation>
        </message>
        <message>
            <source>Accuracy on my held-out digits</source>
            <translation>Точность на моих отложенных цифрах</translation>
        </message>
        <message>
            <source>Accuracy on my held-out digits before tuning</source>
            <translation>Точность на моих отложенных цифрах до дообучения</translation>
        </message>
        <message>
            <source>My digits it was tuned on</source>
            <translation>Мои цифры, на которых шло дообучение</translation>
        </message>
        <message>
            <source>My digits held out</source>
            <translation>Мои отложенные цифры</translation>
        </message>
        <message>
            <source>Epoch time</source>
            <translation>Время эпохи</translation>
        </message>
        <message>
            <source>{value:.1f} s</source>
            <translation>{value:.1f} с</translation>
        </message>
        <message>
            <source>cropped, scaled to 20 px and centred, as MNIST's digits</source>
            <translation>обрезаны, масштабированы до 20 пикс. и центрированы, как цифры MNIST</translation>
        </message>
        <message>
            <source>counted into 8×8 blocks of 0–16, as the 8×8 digits</source>
            <translation>сведены в блоки 8×8 со значениями 0–16, как цифры 8×8</translation>
        </message>
        <message>
            <source>Model: {name}</source>
            <translation>Модель: {name}</translation>
        </message>
        <message>
            <source>untitled</source>
            <translation>без имени</translation>
        </message>
        <message>
            <source>{metric}: not a number</source>
            <translation>{metric}: не число</translation>
        </message>
        <message>
            <source>{metric}: {percent:.2f} %</source>
            <translation>{metric}: {percent:.2f} %</translation>
        </message>
        <message>
            <source>{metric}: {value:.4g}</source>
            <translation>{metric}: {value:.4g}</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Прочее</translation>
        </message>
        <message>
            <source>&lt;p&gt;not recorded&lt;/p&gt;</source>
            <translation>&lt;p&gt;не записано&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;not trained in digitpad&lt;/p&gt;</source>
            <translation>&lt;p&gt;обучена не в digitpad&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Epoch</source>
            <translation>Эпоха</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;{title}.&lt;/b&gt; {explanation}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;{title}.&lt;/b&gt; {explanation}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h4 style='color:#d9534f'&gt;Deliberate lab mistake&lt;/h4&gt;&lt;p&gt;The learning lab trained this model with this bug on purpose, and the model keeps it: it changes how the network learns (its gradient), not what it predicts. Look inside ▸ Gradient check fails for it.&lt;/p&gt;</source>
            <translation>&lt;h4 style='color:#d9534f'&gt;Намеренная ошибка лаборатории&lt;/h4&gt;&lt;p&gt;Лаборатория обучила эту модель с этой ошибкой нарочно, и модель её сохраняет: ошибка меняет то, как сеть учится (её градиент), а не то, что она предсказывает. Заглянуть внутрь ▸ Проверка градиента для неё не проходит.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h4 style='color:#d9534f'&gt;Deliberate lab mistakes&lt;/h4&gt;&lt;p&gt;The learning lab trained this model with these bugs on purpose, and the model keeps them: they change how the network learns (its gradient), not what it predicts. Look inside ▸ Gradient check fails for it.&lt;/p&gt;</source>
            <translation>&lt;h4 style='color:#d9534f'&gt;Намеренные ошибки лаборатории&lt;/h4&gt;&lt;p&gt;Лаборатория обучила эту модель с этими ошибками нарочно, и модель их сохраняет: они меняют то, как сеть учится (её градиент), а не то, что она предсказывает. Заглянуть внутрь ▸ Проверка градиента для неё не проходит.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;none&lt;/li&gt;</source>
            <translation>&lt;li&gt;нет&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;{change} from epoch {epoch}, batch {batch}&lt;/li&gt;</source>
            <translation>&lt;li&gt;{change} с эпохи {epoch}, батч {batch}&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;h4&gt;Changed while training&lt;/h4&gt;&lt;ul&gt;{changes}&lt;/ul&gt;</source>
            <translation>&lt;h4&gt;Изменено во время обучения&lt;/h4&gt;&lt;ul&gt;{changes}&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{network}&lt;/b&gt;, {parameters:,} parameter&lt;br&gt;Dataset: {dataset}&lt;br&gt;Input: {shape} images, {preprocessing}&lt;br&gt;Saved: {saved}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{network}&lt;/b&gt;, {parameters:,} параметр&lt;br&gt;Набор данных: {dataset}&lt;br&gt;Вход: изображения {shape}, {preprocessing}&lt;br&gt;Сохранена: {saved}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{network}&lt;/b&gt;, {parameters:,} parameters&lt;br&gt;Dataset: {dataset}&lt;br&gt;Input: {shape} images, {preprocessing}&lt;br&gt;Saved: {saved}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{network}&lt;/b&gt;, параметров: {parameters:,}&lt;br&gt;Набор данных: {dataset}&lt;br&gt;Вход: изображения {shape}, {preprocessing}&lt;br&gt;Сохранена: {saved}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h4&gt;Metrics&lt;/h4&gt;&lt;ul&gt;{metrics}&lt;/ul&gt;&lt;h4&gt;Settings&lt;/h4&gt;{settings}{changed}&lt;h4&gt;History&lt;/h4&gt;{history}</source>
            <translation>&lt;h4&gt;Метрики&lt;/h4&gt;&lt;ul&gt;{metrics}&lt;/ul&gt;&lt;h4&gt;Настройки&lt;/h4&gt;{settings}{changed}&lt;h4&gt;История&lt;/h4&gt;{history}</translation>
        </message>
        <message>
            <source>Untitled model</source>
            <translation>Модель без имени</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
        <message>
            <source>not saved yet</source>
            <translation>ещё не сохранена</translation>
        </message>
    </context>
    <context>
        <name>MyDigits</name>
        <message>
            <source>No digits yet. Draw one in the main window and click the digit it really is under the probabilities (or press Ctrl+0 … Ctrl+9), or import a folder of images, a CSV or IDX files.</source>
            <translation>Цифр пока нет. Нарисуйте цифру в главном окне и нажмите под вероятностями ту цифру, которой она является на самом деле (или Ctrl+0 … Ctrl+9), либо импортируйте папку изображений, файл CSV или файлы IDX.</translation>
        </message>
        <message>
            <source>My digits</source>
            <translation>Мои цифры</translation>
        </message>
        <message>
            <source>Select misread</source>
            <translation>Выбрать ошибочные</translation>
        </message>
        <message>
            <source>Select every digit the current model reads as another digit</source>
            <translation>Выбрать все цифры, которые текущая модель принимает за другую цифру</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Delete the selected digits (Delete)</source>
            <translation>Удалить выбранные цифры (Delete)</translation>
        </message>
        <message>
            <source>Relabel as:</source>
            <translation>Сменить метку:</translation>
        </message>
        <message>
            <source>Give the selected digits the label {digit} (key {digit})</source>
            <translation>Присвоить выбранным цифрам метку {digit} (клавиша {digit})</translation>
        </message>
        <message>
            <source>Import folder…</source>
            <translation>Импорт папки…</translation>
        </message>
        <message>
            <source>A folder with one subfolder of images per digit, 0 to 9 (ImageFolder)</source>
            <translation>Папка с подпапкой изображений для каждой цифры от 0 до 9 (ImageFolder)</translation>
        </message>
        <message>
            <source>Import files…</source>
            <translation>Импорт файлов…</translation>
        </message>
        <message>
            <source>A CSV (label, then 784 pixels per line) or IDX images and labels</source>
            <translation>Файл CSV (метка, затем 784 пикселя в каждой строке) или изображения и метки в формате IDX</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <source>Write every digit as a PNG into a folder per digit (ImageFolder)</source>
            <translation>Записать каждую цифру в PNG, по папке на цифру (ImageFolder)</translation>
        </message>
        <message>
            <source>Teach it my digits…</source>
            <translation>Дообучить на моих цифрах…</translation>
        </message>
        <message>
            <source>Fine-tune the current model on MNIST mixed with these digits and see the honest before/after (Ctrl+T)</source>
            <translation>Дообучить текущую модель на MNIST вперемешку с этими цифрами и честно увидеть «до» и «после» (Ctrl+T)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Reading your digits with the model</source>
            <translation>Модель читает ваши цифры</translation>
        </message>
        <message>
            <source>The model could not read your digits: {message}</source>
            <translation>Модель не смогла прочитать ваши цифры: {message}</translation>
        </message>
        <message numerus="yes">
            <source>%n digits. The current model reads other classes, so there is no reading under them.</source>
            <translation>
                <numerusform>%n цифра. Текущая модель распознаёт другие классы, поэтому под цифрами нет её ответа.</numerusform>
                <numerusform>%n цифры. Текущая модель распознаёт другие классы, поэтому под цифрами нет её ответа.</numerusform>
                <numerusform>%n цифр. Текущая модель распознаёт другие классы, поэтому под цифрами нет её ответа.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n digits; the model is reading them…</source>
            <translation>
                <numerusform>%n цифра; модель её читает…</numerusform>
                <numerusform>%n цифры; модель их читает…</numerusform>
                <numerusform>%n цифр; модель их читает…</numerusform>
            </translation>
        </message>
        <message>
            <source>the current model</source>
            <translation>текущая модель</translation>
        </message>
        <message numerus="yes">
            <source>%n digit; {name} misreads {misread} (red frame, its reading in red). Held-out digits have a grey corner: never trained on, used to measure.</source>
            <translation>
                <numerusform>%n цифра; {name} читает неверно: {misread} (красная рамка, её ответ — красным). У отложенных цифр серый уголок: на них не обучаются, по ним измеряют.</numerusform>
                <numerusform>%n цифры; {name} читает неверно: {misread} (красная рамка, её ответ — красным). У отложенных цифр серый уголок: на них не обучаются, по ним измеряют.</numerusform>
                <numerusform>%n цифр; {name} читает неверно: {misread} (красная рамка, её ответ — красным). У отложенных цифр серый уголок: на них не обучаются, по ним измеряют.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n digits; {name} misreads {misread} (red frame, its reading in red). Held-out digits have a grey corner: never trained on, used to measure.</source>
            <translation>
                <numerusform>%n цифра; {name} читает неверно: {misread} (красная рамка, её ответ — красным). У отложенных цифр серый уголок: на них не обучаются, по ним измеряют.</numerusform>
                <numerusform>%n цифры; {name} читает неверно: {misread} (красная рамка, её ответ — красным). У отложенных цифр серый уголок: на них не обучаются, по ним измеряют.</numerusform>
                <numerusform>%n цифр; {name} читает неверно: {misread} (красная рамка, её ответ — красным). У отложенных цифр серый уголок: на них не обучаются, по ним измеряют.</numerusform>
            </translation>
        </message>
        <message>
            <source>{text}
{damage}.</source>
            <translation>{text}
{damage}.</translation>
        </message>
        <message>
            <source>{what}… %p%</source>
            <translation>{what}… %p%</translation>
        </message>
        <message>
            <source>Delete digits</source>
            <translation>Удаление цифр</translation>
        </message>
        <message numerus="yes">
            <source>Delete these %n digits from My digits? This cannot be undone.</source>
            <translation>
                <numerusform>Удалить %n цифру из «Моих цифр»? Это нельзя отменить.</numerusform>
                <numerusform>Удалить %n цифры из «Моих цифр»? Это нельзя отменить.</numerusform>
                <numerusform>Удалить %n цифр из «Моих цифр»? Это нельзя отменить.</numerusform>
            </translation>
        </message>
        <message>
            <source>Your digits could not be deleted: {file} could not be written ({reason}). Nothing was changed.</source>
            <translation>Не удалось удалить ваши цифры: не удалось записать {file} ({reason}). Ничего не изменено.</translation>
        </message>
        <message>
            <source>Your digits could not be relabelled: {file} could not be written ({reason}). Nothing was changed.</source>
            <translation>Не удалось сменить метку ваших цифр: не удалось записать {file} ({reason}). Ничего не изменено.</translation>
        </message>
        <message>
            <source>Not changed</source>
            <translation>Не изменено</translation>
        </message>
        <message>
            <source>Import a folder of digit images (one subfolder per digit)</source>
            <translation>Импорт папки с изображениями цифр (по подпапке на цифру)</translation>
        </message>
        <message>
            <source>Import digits from CSV or IDX files</source>
            <translation>Импорт цифр из файлов CSV или IDX</translation>
        </message>
        <message>
            <source>Digit files (*.csv *.csv.gz *-ubyte *-ubyte.gz *.idx *.idx.gz);;All files (*)</source>
            <translation>Файлы цифр (*.csv *.csv.gz *-ubyte *-ubyte.gz *.idx *.idx.gz);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>Nothing imported</source>
            <translation>Ничего не импортировано</translation>
        </message>
        <message>
            <source>Export My digits into a folder (one subfolder per digit)</source>
            <translation>Экспорт «Моих цифр» в папку (по подпапке на цифру)</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>Не экспортировано</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n PNG file to {target}, one folder per digit (0 … 9).</source>
            <translation>
                <numerusform>Экспортирован %n PNG-файл в {target}, по папке на каждую цифру (0 … 9).</numerusform>
                <numerusform>Экспортированы %n PNG-файла в {target}, по папке на каждую цифру (0 … 9).</numerusform>
                <numerusform>Экспортировано %n PNG-файлов в {target}, по папке на каждую цифру (0 … 9).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n PNG files to {target}, one folder per digit (0 … 9).</source>
            <translation>
                <numerusform>Экспортирован %n PNG-файл в {target}, по папке на каждую цифру (0 … 9).</numerusform>
                <numerusform>Экспортированы %n PNG-файла в {target}, по папке на каждую цифру (0 … 9).</numerusform>
                <numerusform>Экспортировано %n PNG-файлов в {target}, по папке на каждую цифру (0 … 9).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Neighbours</name>
        <message>
            <source>{dataset}: its images are {rows}×{columns} pixels, the model reads {model_rows}×{model_columns}</source>
            <translation>{dataset}: изображения размером {rows}×{columns} пикселей, а модель принимает {model_rows}×{model_columns}</translation>
        </message>
    </context>
    <context>
        <name>NetworkSpec</name>
        <message>
            <source>layer sizes must be whole numbers, got {sizes}</source>
            <translation>размеры слоёв должны быть целыми числами, получено {sizes}</translation>
        </message>
        <message>
            <source>bias must be true or false, got {bias!r}</source>
            <translation>смещение должно быть true или false, получено {bias!r}</translation>
        </message>
        <message>
            <source>layer sizes must be two or more positive numbers, got {sizes}</source>
            <translation>размеры слоёв должны быть двумя или более положительными числами, получено {sizes}</translation>
        </message>
        <message>
            <source>unknown activation {activation!r}; choose one of {names}</source>
            <translation>неизвестная функция активации {activation!r}; выберите одну из: {names}</translation>
        </message>
        <message>
            <source>output {output!r} with loss {loss!r} is not offered; choose one of {pairs}</source>
            <translation>выход {output!r} с функцией потерь {loss!r} не предусмотрен; выберите одно из сочетаний: {pairs}</translation>
        </message>
        <message>
            <source>unknown initialiser {init!r}; choose one of {names}</source>
            <translation>неизвестный способ инициализации {init!r}; выберите один из: {names}</translation>
        </message>
        <message>
            <source>gradient reduction must be 'mean' or 'sum', got {reduction!r}</source>
            <translation>способ агрегирования градиента должен быть 'mean' или 'sum', получено {reduction!r}</translation>
        </message>
        <message>
            <source>dtype must be float32 or float64, got {dtype!r}</source>
            <translation>dtype должен быть float32 или float64, получено {dtype!r}</translation>
        </message>
        <message>
            <source>a single output unit is a regression on label/10 and needs the mean squared error loss</source>
            <translation>единственный выходной нейрон — это регрессия на метку/10, и ей нужна функция потерь «среднеквадратичная ошибка»</translation>
        </message>
    </context>
    <context>
        <name>NetworkView</name>
        <message>
            <source>Draw on the canvas to see what every layer of the network makes of it.</source>
            <translation>Нарисуйте что-нибудь на холсте, чтобы увидеть, что делает из рисунка каждый слой сети.</translation>
        </message>
        <message>
            <source>Every layer of the network for your drawing: the input it receives, each hidden layer's units (colour = activation, the key under each grid gives the range) and the class probabilities. It follows the drawing and every epoch of a run.</source>
            <translation>Все слои сети для вашего рисунка: вход, который она получает, нейроны каждого скрытого слоя (цвет — активация, шкала под каждой сеткой показывает диапазон) и вероятности классов. Обновляется вслед за рисунком и каждой эпохой запуска.</translation>
        </message>
        <message>
            <source>&lt;span style='color:{up}'&gt;■&lt;/span&gt; pushed {subject} up most &amp;nbsp; &lt;span style='color:{down}'&gt;■&lt;/span&gt; pushed it down most &amp;nbsp; ✕ switched off</source>
            <translation>&lt;span style='color:{up}'&gt;■&lt;/span&gt; сильнее всего повышают {subject} &amp;nbsp; &lt;span style='color:{down}'&gt;■&lt;/span&gt; сильнее всего понижают &amp;nbsp; ✕ отключён</translation>
        </message>
        <message>
            <source>input</source>
            <translation>вход</translation>
        </message>
        <message>
            <source>The input as the network receives it: {rows}×{columns} pixels after preprocessing and input scaling (0 to {range:g}).</source>
            <translation>Вход в том виде, в каком его получает сеть: {rows}×{columns} пикселей после предобработки и масштабирования входов (от 0 до {range:g}).</translation>
        </message>
        <message>
            <source>hidden {layer}</source>
            <translation>скрытый {layer}</translation>
        </message>
        <message>
            <source>output</source>
            <translation>выход</translation>
        </message>
        <message>
            <source>The class probabilities, as the bars show them.</source>
            <translation>Вероятности классов — как на полосах.</translation>
        </message>
        <message>
            <source>The one output of a regression: × 10, rounded, is the digit.</source>
            <translation>Единственный выход регрессии: × 10 с округлением — это цифра.</translation>
        </message>
        <message numerus="yes">
            <source>Hidden layer {layer}: %n {activation} units, one cell each; the key underneath gives the colours' range. Point at a unit to see what it does, click to keep it in the panel below, Ctrl+click to switch it off or on.</source>
            <translation>
                <numerusform>Скрытый слой {layer}: %n нейрон {activation}, по клетке на каждый; шкала под сеткой показывает диапазон цветов. Наведите указатель на нейрон, чтобы увидеть, что он делает; щелчок оставляет его в панели ниже, Ctrl+щелчок отключает или включает его.</numerusform>
                <numerusform>Скрытый слой {layer}: %n нейрона {activation}, по клетке на каждый; шкала под сеткой показывает диапазон цветов. Наведите указатель на нейрон, чтобы увидеть, что он делает; щелчок оставляет его в панели ниже, Ctrl+щелчок отключает или включает его.</numerusform>
                <numerusform>Скрытый слой {layer}: %n нейронов {activation}, по клетке на каждый; шкала под сеткой показывает диапазон цветов. Наведите указатель на нейрон, чтобы увидеть, что он делает; щелчок оставляет его в панели ниже, Ctrl+щелчок отключает или включает его.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NumberLine</name>
        <message>
            <source>output × 10 = {value:.2f}, beyond the line: counted as {digit}</source>
            <translation>выход × 10 = {value:.2f}, за пределами шкалы: считается как {digit}</translation>
        </message>
        <message>
            <source>output × 10 = {value:.2f}, rounds to {digit}</source>
            <translation>выход × 10 = {value:.2f}, округляется до {digit}</translation>
        </message>
        <message>
            <source>This model has one output unit, trained to equal label/10. Its output × 10 is drawn on the number line; the prediction is the digit it rounds to (the shaded stretch). There are no class probabilities: how close the marker sits to a neighbour is all the doubt it can show.</source>
            <translation>У этой модели один выходной нейрон, обученный равняться метке/10. Её выход × 10 отмечен на числовой прямой; предсказание — цифра, до которой он округляется (закрашенный отрезок). Вероятностей классов нет: единственное сомнение, которое она может показать, — насколько близко отметка стоит к соседней цифре.</translation>
        </message>
        <message>
            <source>One output unit trained to equal label/10: a number, not class probabilities.</source>
            <translation>Один выходной нейрон, обученный равняться метке/10: число, а не вероятности классов.</translation>
        </message>
        <message>
            <source>Prediction: {reading}</source>
            <translation>Предсказание: {reading}</translation>
        </message>
    </context>
    <context>
        <name>OnnxCheck</name>
        <message>
            <source>checking an ONNX file needs onnxruntime: pip install onnxruntime</source>
            <translation>для проверки файла ONNX нужен onnxruntime: pip install onnxruntime</translation>
        </message>
        <message>
            <source>onnxruntime cannot run {file}: {error}</source>
            <translation>onnxruntime не может выполнить {file}: {error}</translation>
        </message>
        <message>
            <source>{file} gives outputs of shape {got}; the model gives {want}</source>
            <translation>{file} выдаёт выходы формы {got}, а модель — {want}</translation>
        </message>
        <message>
            <source>1 test image of {dataset}</source>
            <translation>одном тестовом изображении {dataset}</translation>
        </message>
        <message>
            <source>{n} test images of {dataset}</source>
            <translation>тестовых изображениях {dataset} (всего {n})</translation>
        </message>
        <message>
            <source>1 random MNIST-like input</source>
            <translation>одном случайном входе в стиле MNIST</translation>
        </message>
        <message>
            <source>{n} random MNIST-like inputs</source>
            <translation>случайных входах в стиле MNIST (всего {n})</translation>
        </message>
    </context>
    <context>
        <name>PalettePlot</name>
        <message>
            <source>epoch</source>
            <translation>эпоха</translation>
        </message>
        <message>
            <source>{tooltip}
Earlier runs ticked in the runs list: thin lines in their own colour, dotted = training, dashed = validation.</source>
            <translation>{tooltip}
Прежние запуски, отмеченные в списке запусков, — тонкие линии своего цвета: точечные — обучающая выборка, штриховые — валидационная.</translation>
        </message>
        <message>
            <source>train</source>
            <translation>обучение</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>валидация</translation>
        </message>
    </context>
    <context>
        <name>Personal</name>
        <message>
            <source>split must be 'train' or 'test', got {split!r}</source>
            <translation>часть данных должна быть 'train' или 'test', получено {split!r}</translation>
        </message>
        <message>
            <source>{path}: {parts} damaged part(s) ({lost:,} bytes) were skipped; the digits in them are lost, every other digit was kept</source>
            <translation>{path}: пропущены повреждённые части ({parts}, {lost:,} байт); цифры в них потеряны, все остальные цифры сохранены</translation>
        </message>
        <message>
            <source>a drawing must be 28×28, got {shape}</source>
            <translation>рисунок должен быть 28×28, получено {shape}</translation>
        </message>
        <message>
            <source>the drawing is blank; draw a digit first</source>
            <translation>рисунок пуст; сначала нарисуйте цифру</translation>
        </message>
        <message>
            <source>{path}: cannot read your digits ({reason})</source>
            <translation>{path}: не удаётся прочитать ваши цифры ({reason})</translation>
        </message>
        <message>
            <source>{path}: the record at byte {offset:,} cannot be read ({reason}); it may come from a newer digitpad. Open it with that version, or move the file away to start afresh</source>
            <translation>{path}: запись на байте {offset:,} не читается ({reason}); возможно, она сделана более новым digitpad. Откройте файл в той версии или уберите его, чтобы начать заново</translation>
        </message>
        <message>
            <source>{path} is not a digitpad journal of your digits (it does not start with {magic!r}); nothing was changed. Move it out of {folder} to start a new set, or put the right file back</source>
            <translation>{path} — не журнал ваших цифр digitpad (он не начинается с {magic!r}); ничего не изменено. Уберите его из {folder}, чтобы начать новый набор, или верните на место нужный файл</translation>
        </message>
        <message>
            <source>{title} holds no digits yet; add some with Correct it under the probabilities (Ctrl+0 … Ctrl+9 on the canvas) or `digitpad data import --dataset {name} PATH`</source>
            <translation>В «{title}» пока нет цифр; добавьте их кнопками «Исправить» под вероятностями (Ctrl+0 … Ctrl+9 на холсте) или командой `digitpad data import --dataset {name} PATH`</translation>
        </message>
    </context>
    <context>
        <name>PersonalDigits</name>
        <message>
            <source>My digits keeps digits; the current model reads other classes. Open a digit model to correct it.</source>
            <translation>«Мои цифры» хранят цифры, а текущая модель распознаёт другие классы. Откройте модель для цифр, чтобы исправлять её.</translation>
        </message>
        <message>
            <source>Nothing saved: the canvas is empty. Draw a digit first, then Ctrl+{digit} (or its button under the probabilities) keeps it in My digits.</source>
            <translation>Ничего не сохранено: холст пуст. Сначала нарисуйте цифру, затем Ctrl+{digit} (или её кнопка под вероятностями) сохранит её в «Мои цифры».</translation>
        </message>
        <message>
            <source>Saved as a {digit} in My digits. {tally} The drawing stays on the canvas: Esc clears it for the next one.</source>
            <translation>Сохранено в «Мои цифры» как {digit}. {tally} Рисунок остаётся на холсте: Esc очистит его для следующего.</translation>
        </message>
        <message>
            <source>Saved as a {digit} in My digits (the model read it right). {tally} The drawing stays on the canvas: Esc clears it for the next one.</source>
            <translation>Сохранено в «Мои цифры» как {digit} (модель прочла верно). {tally} Рисунок остаётся на холсте: Esc очистит его для следующего.</translation>
        </message>
        <message>
            <source>Saved as a {digit} in My digits (the model read {read}). {tally} The drawing stays on the canvas: Esc clears it for the next one.</source>
            <translation>Сохранено в «Мои цифры» как {digit} (модель прочла как {read}). {tally} Рисунок остаётся на холсте: Esc очистит его для следующего.</translation>
        </message>
        <message>
            <source>This drawing is in My digits already, as a {digit}. Esc clears the canvas for the next one.</source>
            <translation>Этот рисунок уже есть в «Моих цифрах» как {digit}. Esc очистит холст для следующего.</translation>
        </message>
        <message>
            <source>Relabelled as a {digit} (it was saved as a {was}). {tally}</source>
            <translation>Метка изменена на {digit} (был сохранён как {was}). {tally}</translation>
        </message>
        <message>
            <source>Relabelled as a {digit} (it was saved as a {was}) (the model read it right). {tally}</source>
            <translation>Метка изменена на {digit} (был сохранён как {was}) (модель прочла верно). {tally}</translation>
        </message>
        <message>
            <source>Relabelled as a {digit} (it was saved as a {was}) (the model read {read}). {tally}</source>
            <translation>Метка изменена на {digit} (был сохранён как {was}) (модель прочла как {read}). {tally}</translation>
        </message>
        <message numerus="yes">
            <source>{how_many}, %n digit in all.</source>
            <translation>
                <numerusform>{how_many}, всего %n цифра.</numerusform>
                <numerusform>{how_many}, всего %n цифры.</numerusform>
                <numerusform>{how_many}, всего %n цифр.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{how_many}, %n digits in all.</source>
            <translation>
                <numerusform>{how_many}, всего %n цифра.</numerusform>
                <numerusform>{how_many}, всего %n цифры.</numerusform>
                <numerusform>{how_many}, всего %n цифр.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing saved: {reason}</source>
            <translation>Ничего не сохранено: {reason}</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Не сохранено</translation>
        </message>
        <message>
            <source>The drawing was not saved in My digits: {file} could not be written ({reason}). Nothing was added.</source>
            <translation>Рисунок не сохранён в «Мои цифры»: не удалось записать {file} ({reason}). Ничего не добавлено.</translation>
        </message>
    </context>
    <context>
        <name>PersonalRecords</name>
        <message>
            <source>a digit's source name is too long ({start}…)</source>
            <translation>имя источника цифры слишком длинное ({start}…)</translation>
        </message>
        <message>
            <source>a digit's label must be a whole number 0..9, got {label!r}</source>
            <translation>метка цифры должна быть целым числом 0..9, получено {label!r}</translation>
        </message>
        <message>
            <source>a digit's raw drawing must be 28×28, got shape {shape}</source>
            <translation>исходный рисунок цифры должен быть 28×28, получена форма {shape}</translation>
        </message>
        <message>
            <source>a digit's image must be 28×28, got shape {shape}</source>
            <translation>изображение цифры должно быть 28×28, получена форма {shape}</translation>
        </message>
        <message>
            <source>a digit's raw drawing must hold whole numbers 0..255, got {dtype}</source>
            <translation>исходный рисунок цифры должен содержать целые числа 0..255, получено {dtype}</translation>
        </message>
        <message>
            <source>a digit's image must hold whole numbers 0..255, got {dtype}</source>
            <translation>изображение цифры должно содержать целые числа 0..255, получено {dtype}</translation>
        </message>
    </context>
    <context>
        <name>PlotParts</name>
        <message>
            <source>{run}:</source>
            <translation>{run}:</translation>
        </message>
    </context>
    <context>
        <name>Prepare</name>
        <message>
            <source>{name} holds no images</source>
            <translation>{name}: нет ни одного изображения</translation>
        </message>
        <message>
            <source>{images} images are too few to split off a {share:.1%} validation share</source>
            <translation>Изображений слишком мало ({images}), чтобы отделить валидационную выборку в {share:.1%}</translation>
        </message>
    </context>
    <context>
        <name>Preprocessing</name>
        <message>
            <source>preprocessing {id!r} is unknown; known: {known}</source>
            <translation>предобработка {id!r} неизвестна; известные: {known}</translation>
        </message>
    </context>
    <context>
        <name>ProbabilityBars</name>
        <message>
            <source>Draw a digit</source>
            <translation>Нарисуйте цифру</translation>
        </message>
        <message>
            <source>{percent:.1f} %</source>
            <translation>{percent:.1f} %</translation>
        </message>
        <message>
            <source>Softmax probabilities: the network's output turned into a probability for each class; they add up to 100 %. The top class is the prediction.</source>
            <translation>Вероятности softmax: выход сети, превращённый в вероятность для каждого класса; в сумме они дают 100 %. Самый вероятный класс — это предсказание.</translation>
        </message>
        <message>
            <source>No prediction. {hint}.</source>
            <translation>Нет предсказания. {hint}.</translation>
        </message>
        <message>
            <source>Prediction: {name}, {probability}</source>
            <translation>Предсказание: {name}, {probability}</translation>
        </message>
    </context>
    <context>
        <name>Prompt</name>
        <message>
            <source>Draw a digit</source>
            <translation>Нарисуйте цифру</translation>
        </message>
        <message>
            <source>Draw a piece of clothing</source>
            <translation>Нарисуйте предмет одежды</translation>
        </message>
        <message>
            <source>Draw one of: {classes}</source>
            <translation>Нарисуйте одно из: {classes}</translation>
        </message>
        <message>
            <source>{prompt} with the left mouse button; the right button erases.</source>
            <translation>{prompt} левой кнопкой мыши; правая кнопка стирает.</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Папка:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;Тип файлов:</translation>
        </message>
    </context>
    <context>
        <name>Recipes</name>
        <message>
            <source>Default</source>
            <translation>По умолчанию</translation>
        </message>
        <message>
            <source>784-256-128 ReLU, 10 epochs: about 98 % on MNIST in about 10 s.</source>
            <translation>784-256-128 ReLU, 10 эпох: около 98 % на MNIST примерно за 10 с.</translation>
        </message>
        <message>
            <source>Quick</source>
            <translation>Быстрый</translation>
        </message>
        <message>
            <source>784-512-256 ReLU, ±2-pixel random shifts (none on the 8×8 digits), 15 epochs on every training image (no validation split): about 99 % on MNIST in under 30 s.</source>
            <translation>784-512-256 ReLU, случайные сдвиги на ±2 пикселя (на цифрах 8×8 их нет), 15 эпох на всех обучающих изображениях (без валидационной выборки): около 99 % на MNIST менее чем за 30 с.</translation>
        </message>
        <message>
            <source>Best</source>
            <translation>Лучший</translation>
        </message>
        <message>
            <source>784-1024-512 ReLU, ±2-pixel random shifts (none on Fashion-MNIST, whose clothes are centred, nor on the 8×8 digits), batch 64, weight decay, 36 epochs on every training image (no validation split): about 99.3 % on MNIST and 90.7 % on Fashion-MNIST in under 5 minutes.</source>
            <translation>784-1024-512 ReLU, случайные сдвиги на ±2 пикселя (кроме Fashion-MNIST, где одежда и так по центру, и цифр 8×8), батч 64, снижение весов, 36 эпох на всех обучающих изображениях (без валидационной выборки): около 99,3 % на MNIST и 90,7 % на Fashion-MNIST менее чем за 5 минут.</translation>
        </message>
        <message>
            <source>unknown preset {name!r}; choose one of {names}</source>
            <translation>неизвестный пример {name!r}; выберите один из: {names}</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>The run {name} diverged and its model (its last good epoch's) was not saved.</source>
            <translation>Запуск {name} разошёлся, и его модель (последней удачной эпохи) не была сохранена.</translation>
        </message>
        <message>
            <source>The run {name} finished training but its model was not saved.</source>
            <translation>Запуск {name} завершил обучение, но его модель не была сохранена.</translation>
        </message>
        <message>
            <source>The run {name} was interrupted at epoch {epoch} of {epochs}.</source>
            <translation>Запуск {name} был прерван на эпохе {epoch} из {epochs}.</translation>
        </message>
        <message>
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>no interrupted run {id!r} (there are: {known})</source>
            <translation>нет прерванного запуска {id!r} (есть: {known})</translation>
        </message>
        <message>
            <source>{id!r} could be any of {ids}</source>
            <translation>{id!r} может означать любой из {ids}</translation>
        </message>
        <message>
            <source>the run {name} cannot be resumed, only its model recovered</source>
            <translation>запуск {name} нельзя продолжить, можно только восстановить его модель</translation>
        </message>
        <message>
            <source>the data of the run {name} has changed since it was interrupted, so it cannot go on as it would have; recover its model instead</source>
            <translation>данные запуска {name} изменились с момента прерывания, поэтому он не может продолжиться так, как продолжился бы; вместо этого восстановите его модель</translation>
        </message>
        <message>
            <source>the checkpoint {id} holds another network's weights</source>
            <translation>в контрольной точке {id} веса другой сети</translation>
        </message>
        <message>
            <source>the checkpoint {id} holds another network's optimizer state</source>
            <translation>в контрольной точке {id} состояние оптимизатора другой сети</translation>
        </message>
        <message>
            <source>the checkpoint {id} is incomplete ({error})</source>
            <translation>контрольная точка {id} неполна ({error})</translation>
        </message>
        <message>
            <source>{file} is not a complete checkpoint ({error})</source>
            <translation>{file} — неполная контрольная точка ({error})</translation>
        </message>
        <message>
            <source>{file} is not a complete checkpoint (its numbers are out of range)</source>
            <translation>{file} — неполная контрольная точка (её числа вне допустимого диапазона)</translation>
        </message>
        <message>
            <source>{file} is not a digitpad checkpoint: {error}</source>
            <translation>{file} — не контрольная точка digitpad: {error}</translation>
        </message>
        <message>
            <source>{file} is not a digitpad checkpoint</source>
            <translation>{file} — не контрольная точка digitpad</translation>
        </message>
        <message>
            <source>{file} was written by another digitpad (checkpoint version {version})</source>
            <translation>{file} записан другим digitpad (версия контрольной точки {version})</translation>
        </message>
        <message>
            <source>the model in {file}</source>
            <translation>модель в {file}</translation>
        </message>
        <message>
            <source>cannot read {file}: {error}</source>
            <translation>не удаётся прочитать {file}: {error}</translation>
        </message>
        <message>
            <source>its {entry} entry is too large</source>
            <translation>её запись {entry} слишком велика</translation>
        </message>
        <message>
            <source>the checkpoint has no {entry}</source>
            <translation>в контрольной точке нет {entry}</translation>
        </message>
        <message>
            <source>its {entry} entry is damaged: {error}</source>
            <translation>её запись {entry} повреждена: {error}</translation>
        </message>
        <message>
            <source>Recover an interrupted run</source>
            <translation>Восстановление прерванного запуска</translation>
        </message>
        <message>
            <source>It was saved at {when} after epoch {epoch}. Recover the model to keep the weights of that epoch, or resume training to go on from there.</source>
            <translation>Он сохранён {when} после эпохи {epoch}. Восстановите модель, чтобы оставить веса этой эпохи, или продолжите обучение с этого места.</translation>
        </message>
        <message>
            <source>It was saved at {when} after epoch {epoch}. Recover the model to keep the weights of that epoch.</source>
            <translation>Он сохранён {when} после эпохи {epoch}. Восстановите модель, чтобы оставить веса этой эпохи.</translation>
        </message>
        <message>
            <source>Recover the model</source>
            <translation>Восстановить модель</translation>
        </message>
        <message>
            <source>Resume training</source>
            <translation>Продолжить обучение</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Позже</translation>
        </message>
        <message>
            <source>Open the model as it was after its last saved epoch (unsaved: save it to keep it)</source>
            <translation>Открыть модель в том виде, в каком она была после последней сохранённой эпохи (не сохранена: сохраните, чтобы оставить её)</translation>
        </message>
        <message>
            <source>Train on from that epoch; it ends as the run would have, never interrupted</source>
            <translation>Обучать дальше с этой эпохи; запуск закончится так же, как закончился бы без прерывания</translation>
        </message>
        <message>
            <source>Delete what was saved of this run</source>
            <translation>Удалить то, что было сохранено от этого запуска</translation>
        </message>
        <message>
            <source>Ask again at the next start; `digitpad recover` lists it too</source>
            <translation>Спросить снова при следующем старте; `digitpad recover` тоже его показывает</translation>
        </message>
        <message>
            <source>Cannot recover the run</source>
            <translation>Не удаётся восстановить запуск</translation>
        </message>
        <message>
            <source>Recovered {name} after epoch {epoch}; save it to keep it.</source>
            <translation>Запуск {name} восстановлен после эпохи {epoch}; сохраните модель, чтобы оставить её.</translation>
        </message>
    </context>
    <context>
        <name>Registry</name>
        <message>
            <source>{name} is bundled with digitpad; it has no files to download or import</source>
            <translation>{name} входит в состав digitpad; у него нет файлов для скачивания или импорта</translation>
        </message>
        <message>
            <source>{name} ({title}) is your own set in {folder}; there is nothing to download: add digits with Correct it under the probabilities or `digitpad data import --dataset {name} PATH`</source>
            <translation>{name} ({title}) — ваш собственный набор в {folder}; скачивать нечего: добавляйте цифры кнопками «Исправить» под вероятностями или командой `digitpad data import --dataset {name} PATH`</translation>
        </message>
        <message>
            <source>{name} is a local dataset in {folder}, imported from a file; there is nothing to download: import the file again to replace it</source>
            <translation>{name} — локальный набор данных в {folder}, импортированный из файла; скачивать нечего: чтобы заменить его, импортируйте файл снова</translation>
        </message>
        <message>
            <source>unknown dataset {name!r}; known: {known}</source>
            <translation>неизвестный набор данных {name!r}; известны: {known}</translation>
        </message>
    </context>
    <context>
        <name>RunDetails</name>
        <message>
            <source>Uniform(−1, 1)</source>
            <translation>Равномерное(−1, 1)</translation>
        </message>
        <message>
            <source>Training loss</source>
            <translation>Потери на обучающей выборке</translation>
        </message>
        <message>
            <source>Training accuracy</source>
            <translation>Точность на обучающей выборке</translation>
        </message>
        <message>
            <source>Validation loss</source>
            <translation>Потери на валидационной выборке</translation>
        </message>
        <message>
            <source>Validation accuracy</source>
            <translation>Точность на валидационной выборке</translation>
        </message>
        <message>
            <source>Test accuracy</source>
            <translation>Точность на тестовой выборке</translation>
        </message>
        <message>
            <source>Test loss</source>
            <translation>Потери на тестовой выборке</translation>
        </message>
        <message>
            <source>Final learning rate</source>
            <translation>Итоговая скорость обучения</translation>
        </message>
        <message>
            <source>the window</source>
            <translation>окна</translation>
        </message>
        <message>
            <source>the command line</source>
            <translation>командной строки</translation>
        </message>
        <message>
            <source>Completed after {done} of {epochs} epochs</source>
            <translation>Завершён после эпохи {done} из {epochs}</translation>
        </message>
        <message>
            <source>Completed after {epochs} epochs</source>
            <translation>Завершён, эпох: {epochs}</translation>
        </message>
        <message>
            <source>Started {when} from {where}</source>
            <translation>Начат {when} из {where}</translation>
        </message>
        <message>
            <source>Best validation accuracy</source>
            <translation>Лучшая точность на валидационной выборке</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Время</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>Потери</translation>
        </message>
        <message>
            <source>Model saved as {path}</source>
            <translation>Модель сохранена как {path}</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <source>no</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>Набор данных</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Изображения</translation>
        </message>
        <message>
            <source>all</source>
            <translation>все</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Валидационная выборка</translation>
        </message>
        <message>
            <source>Random shift</source>
            <translation>Случайный сдвиг</translation>
        </message>
        <message>
            <source>{shift} px</source>
            <translation>{shift} пикс.</translation>
        </message>
        <message>
            <source>off</source>
            <translation>выкл.</translation>
        </message>
        <message>
            <source>Hidden layers</source>
            <translation>Скрытые слои</translation>
        </message>
        <message>
            <source>none (a linear model)</source>
            <translation>нет (линейная модель)</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>Функция активации</translation>
        </message>
        <message>
            <source>Output + loss</source>
            <translation>Выход + потери</translation>
        </message>
        <message>
            <source>Regression on label/10</source>
            <translation>Регрессия на метку/10</translation>
        </message>
        <message>
            <source>Initialiser</source>
            <translation>Способ инициализации</translation>
        </message>
        <message>
            <source>Bias</source>
            <translation>Смещение</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>Оптимизатор</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>Скорость обучения</translation>
        </message>
        <message>
            <source>Momentum</source>
            <translation>Момент</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Расписание</translation>
        </message>
        <message>
            <source>Weight decay</source>
            <translation>Снижение весов</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>Размер батча</translation>
        </message>
        <message>
            <source>full</source>
            <translation>полный</translation>
        </message>
        <message>
            <source>Sum gradients</source>
            <translation>Суммировать градиенты</translation>
        </message>
        <message>
            <source>Scale inputs</source>
            <translation>Масштабировать входы</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>Разрядность</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>Эпохи</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Зерно ГСЧ</translation>
        </message>
        <message>
            <source>{label}: {value}</source>
            <translation>{label}: {value}</translation>
        </message>
        <message>
            <source>{percent:g} %</source>
            <translation>{percent:g} %</translation>
        </message>
    </context>
    <context>
        <name>RunPresenter</name>
        <message>
            <source>{seconds} s</source>
            <translation>{seconds} с</translation>
        </message>
        <message>
            <source>epoch {epoch}/{epochs} · batch {batch}/{batches} · {time} left</source>
            <translation>эпоха {epoch}/{epochs} · батч {batch}/{batches} · осталось {time}</translation>
        </message>
        <message>
            <source>Epoch {epoch}/{epochs}: loss {loss:.4f}</source>
            <translation>Эпоха {epoch}/{epochs}: потери {loss:.4f}</translation>
        </message>
        <message>
            <source>Epoch {epoch}/{epochs}: loss {loss:.4f}, validation accuracy {accuracy:.1%}</source>
            <translation>Эпоха {epoch}/{epochs}: потери {loss:.4f}, точность на валидационной выборке {accuracy:.1%}</translation>
        </message>
        <message>
            <source>{message} ({time}).</source>
            <translation>{message} ({time}).</translation>
        </message>
        <message>
            <source>The form has the settings of {run} (Train trains a new network with them). Press Train (F5) to train it again.</source>
            <translation>В форме — настройки запуска {run} (кнопка «Обучить» обучает с ними новую сеть). Нажмите «Обучить» (F5), чтобы обучить заново.</translation>
        </message>
        <message>
            <source>The form has the settings of {run}. Press Train (F5) to train it again.</source>
            <translation>В форме — настройки запуска {run}. Нажмите «Обучить» (F5), чтобы обучить заново.</translation>
        </message>
        <message>
            <source>“{choice}”</source>
            <translation>«{choice}»</translation>
        </message>
        <message>
            <source>Picked {choices} in the Lab ({fix}). Press Run with ticked fixes to try it.</source>
            <translation>В лаборатории отмечено: {choices} ({fix}). Нажмите «Запустить с исправлениями», чтобы попробовать.</translation>
        </message>
        <message>
            <source>Loading {source}…</source>
            <translation>Загрузка {source}…</translation>
        </message>
        <message>
            <source>Cannot resume the run</source>
            <translation>Не удаётся продолжить запуск</translation>
        </message>
        <message>
            <source>Its settings cannot be read: {error}</source>
            <translation>Не удаётся прочитать его настройки: {error}</translation>
        </message>
        <message>
            <source>Training needs the dataset; nothing was started.</source>
            <translation>Для обучения нужен набор данных; ничего не запущено.</translation>
        </message>
        <message>
            <source>The Lab shows {preset}, the preset of {run}: pick its choices and press Run to try it again.</source>
            <translation>В лаборатории открыт пример {preset} — пример запуска {run}: отметьте его варианты и запустите, чтобы попробовать снова.</translation>
        </message>
        <message>
            <source>The settings of {run} cannot be read: {error}</source>
            <translation>Не удаётся прочитать настройки запуска {run}: {error}</translation>
        </message>
        <message>
            <source>Paused; press Resume (F6) to go on.</source>
            <translation>Пауза; чтобы продолжить, нажмите «Продолжить» (F6).</translation>
        </message>
        <message>
            <source>{change} from epoch {epoch}, batch {batch}.</source>
            <translation>{change}: с эпохи {epoch}, батча {batch}.</translation>
        </message>
        <message>
            <source>Applied {fix}. Press Train (F5) to try it.</source>
            <translation>Применено: {fix}. Нажмите «Обучить» (F5), чтобы попробовать.</translation>
        </message>
        <message>
            <source>The lab has no choice that sets {fix}; try it on your own run in the Train tab.</source>
            <translation>В лаборатории нет варианта, который задаёт «{fix}»; попробуйте это в собственном запуске на вкладке «Обучение».</translation>
        </message>
        <message>
            <source>Training {network}…</source>
            <translation>Обучение сети {network}…</translation>
        </message>
        <message>
            <source>&lt;b&gt;Training: {name}&lt;/b&gt;&lt;br&gt;{network}</source>
            <translation>&lt;b&gt;Обучение: {name}&lt;/b&gt;&lt;br&gt;{network}</translation>
        </message>
        <message>
            <source>Resumed after epoch {epoch}; training goes on…</source>
            <translation>Продолжено после эпохи {epoch}; обучение идёт дальше…</translation>
        </message>
        <message>
            <source>New untrained model {network}. Press Train (F5) to train it.</source>
            <translation>Новая необученная модель {network}. Нажмите «Обучить» (F5), чтобы обучить её.</translation>
        </message>
        <message>
            <source>Training diverged</source>
            <translation>Обучение разошлось</translation>
        </message>
        <message>
            <source>{run}: cannot start</source>
            <translation>{run}: не удаётся запустить</translation>
        </message>
        <message>
            <source>Training failed</source>
            <translation>Сбой обучения</translation>
        </message>
        <message>
            <source> This run's record in the run history is incomplete: {error}</source>
            <translation> Запись этого запуска в истории запусков неполна: {error}</translation>
        </message>
    </context>
    <context>
        <name>RunSettings</name>
        <message>
            <source>unknown output + loss {head!r}; choose one of {names}</source>
            <translation>неизвестное сочетание выхода и функции потерь {head!r}; выберите одно из: {names}</translation>
        </message>
        <message>
            <source>a regression on label/10 needs the mean squared error loss</source>
            <translation>регрессии на метку/10 нужна функция потерь «среднеквадратичная ошибка»</translation>
        </message>
        <message>
            <source>this network would have {n_params:,} parameters; at most {max_params:,} fit in memory comfortably</source>
            <translation>параметров у этой сети было бы {n_params:,}, а удобно помещается в памяти не более {max_params:,}</translation>
        </message>
        <message>
            <source>subset must be 0 (all) or a positive number of images, got {subset}</source>
            <translation>подмножество должно быть 0 (все) или положительным числом изображений, получено {subset}</translation>
        </message>
        <message>
            <source>{count:,} hidden layers are too many (at most {limit})</source>
            <translation>слишком много скрытых слоёв: {count:,} (не более {limit})</translation>
        </message>
        <message>
            <source>hidden layers must be positive whole numbers separated by commas, e.g. 256,128; got {part!r}</source>
            <translation>скрытые слои должны быть положительными целыми числами через запятую, например 256,128; получено {part!r}</translation>
        </message>
        <message>
            <source>a hidden layer of {units} units is too large (at most {limit})</source>
            <translation>скрытый слой слишком велик: нейронов {units} (не более {limit})</translation>
        </message>
    </context>
    <context>
        <name>RunStore</name>
        <message>
            <source>cannot open the run history {path}: {reason}</source>
            <translation>не удаётся открыть историю запусков {path}: {reason}</translation>
        </message>
        <message>
            <source>SQLite found it damaged while reading it: {why}</source>
            <translation>SQLite обнаружил повреждение при чтении: {why}</translation>
        </message>
        <message>
            <source>SQLite found it damaged while reading it</source>
            <translation>SQLite обнаружил повреждение при чтении</translation>
        </message>
        <message>
            <source>it is another program's database</source>
            <translation>это база данных другой программы</translation>
        </message>
        <message>
            <source>the run history {path} was made by a newer digitpad (schema {version}, this one knows {known}); runs are not recorded until digitpad is updated</source>
            <translation>история запусков {path} создана более новым digitpad (схема {version}, этот знает {known}); запуски не записываются, пока digitpad не будет обновлён</translation>
        </message>
        <message>
            <source>it is not an SQLite database</source>
            <translation>это не база данных SQLite</translation>
        </message>
        <message>
            <source>it is another program's database (application id {id:#x})</source>
            <translation>это база данных другой программы (идентификатор приложения {id:#x})</translation>
        </message>
        <message>
            <source>The run history {path} could not be read ({why}). It was moved aside to {aside} and a new one was started; nothing else was touched.</source>
            <translation>Не удалось прочитать историю запусков {path} ({why}). Она перемещена в {aside}, и начата новая; больше ничего не затронуто.</translation>
        </message>
        <message>
            <source>cannot write the run history {path}: {reason}; it is damaged and will be moved aside, and a new one started, when digitpad next opens it</source>
            <translation>не удаётся записать историю запусков {path}: {reason}; она повреждена и при следующем открытии digitpad будет перемещена в сторону, а вместо неё начата новая</translation>
        </message>
        <message>
            <source>cannot read the run history {path}: {reason}; it is damaged and will be moved aside, and a new one started, when digitpad next opens it</source>
            <translation>не удаётся прочитать историю запусков {path}: {reason}; она повреждена и при следующем открытии digitpad будет перемещена в сторону, а вместо неё начата новая</translation>
        </message>
        <message>
            <source>cannot write the run history {path}: {reason}</source>
            <translation>не удаётся записать историю запусков {path}: {reason}</translation>
        </message>
        <message>
            <source>cannot read the run history {path}: {reason}</source>
            <translation>не удаётся прочитать историю запусков {path}: {reason}</translation>
        </message>
        <message>
            <source>a run's name cannot be empty</source>
            <translation>имя запуска не может быть пустым</translation>
        </message>
        <message>
            <source>there is no run {run_id} in the run history</source>
            <translation>в истории запусков нет запуска {run_id}</translation>
        </message>
    </context>
    <context>
        <name>RunSummary</name>
        <message>
            <source>running</source>
            <translation>идёт</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>завершён</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>остановлен</translation>
        </message>
        <message>
            <source>diverged</source>
            <translation>разошёлся</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>прерван</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>сбой</translation>
        </message>
        <message>
            <source>stopped at epoch {epoch}, batch {batch}</source>
            <translation>остановлен на эпохе {epoch}, батч {batch}</translation>
        </message>
        <message>
            <source>stopped after epoch {epoch}</source>
            <translation>остановлен после эпохи {epoch}</translation>
        </message>
        <message>
            <source>interrupted at epoch {epoch} of {epochs}</source>
            <translation>прерван на эпохе {epoch} из {epochs}</translation>
        </message>
        <message>
            <source>running at epoch {epoch} of {epochs}</source>
            <translation>идёт эпоха {epoch} из {epochs}</translation>
        </message>
        <message>
            <source>failed at epoch {epoch} of {epochs}</source>
            <translation>сбой на эпохе {epoch} из {epochs}</translation>
        </message>
    </context>
    <context>
        <name>RunsFilters</name>
        <message>
            <source>Any time</source>
            <translation>За всё время</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Сегодня</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Последние 7 дней</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Последние 30 дней</translation>
        </message>
        <message>
            <source>Any setup</source>
            <translation>Любые настройки</translation>
        </message>
        <message>
            <source>Custom settings</source>
            <translation>Свои настройки</translation>
        </message>
        <message>
            <source>Recipe: {title}</source>
            <translation>Пример: {title}</translation>
        </message>
        <message>
            <source>Lab (any)</source>
            <translation>Лаборатория (все)</translation>
        </message>
        <message>
            <source>Lab: {title}</source>
            <translation>Лаборатория: {title}</translation>
        </message>
        <message>
            <source>Teach it my digits</source>
            <translation>Дообучение на моих цифрах</translation>
        </message>
        <message>
            <source>All datasets</source>
            <translation>Все наборы данных</translation>
        </message>
        <message>
            <source>Show the runs on one dataset only</source>
            <translation>Показывать запуски только на одном наборе данных</translation>
        </message>
        <message>
            <source>Show the runs of one setup only: your own settings, a recipe, a lab preset, or Teach it my digits</source>
            <translation>Показывать запуски только одного вида: «Свои настройки», пример вкладки «Обучение», пример лаборатории или «Дообучение на моих цифрах»</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Любой статус</translation>
        </message>
        <message>
            <source>Show the runs that ended one way only</source>
            <translation>Показывать только запуски, завершившиеся определённым образом</translation>
        </message>
        <message>
            <source>Show the runs started in this time only</source>
            <translation>Показывать только запуски, начатые за этот период</translation>
        </message>
        <message>
            <source>Search names, tags, networks</source>
            <translation>Поиск по именам, тегам, сетям</translation>
        </message>
        <message>
            <source>Show the runs whose name, a tag or network has this text in it</source>
            <translation>Показывать запуски, в имени, теге или сети которых есть этот текст</translation>
        </message>
    </context>
    <context>
        <name>RunsList</name>
        <message>
            <source>Every recorded run. Tick runs to overlay their curves; F2 or a double-click renames a run or edits its tags; click a header to sort.</source>
            <translation>Все записанные запуски. Отметьте запуски, чтобы наложить их кривые; F2 или двойной щелчок переименовывает запуск или меняет его теги; щелчок по заголовку сортирует.</translation>
        </message>
    </context>
    <context>
        <name>RunsModel</name>
        <message>
            <source>Run</source>
            <translation>Запуск</translation>
        </message>
        <message>
            <source>Val. acc.</source>
            <translation>Точн. (вал.)</translation>
        </message>
        <message>
            <source>Test acc.</source>
            <translation>Точн. (тест)</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Начало</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>Эпохи</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Время</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>Набор данных</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Сеть</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Теги</translation>
        </message>
        <message>
            <source>Tick a run to draw its curves over the current ones on the plots; F2 or a double-click renames it</source>
            <translation>Отметьте запуск, чтобы нарисовать его кривые поверх текущих на графиках; F2 или двойной щелчок переименовывает его</translation>
        </message>
        <message>
            <source>The best validation accuracy of any of its epochs (click to sort, best first)</source>
            <translation>Лучшая точность на валидационной выборке среди всех эпох (щелчок — сортировка, лучшие сверху)</translation>
        </message>
        <message>
            <source>Accuracy on the test set, measured after the run (digitpad train, finetune and lab measure it)</source>
            <translation>Точность на тестовой выборке, измеренная после запуска (её измеряют команды digitpad train, digitpad finetune и digitpad lab)</translation>
        </message>
        <message>
            <source>When the run started (click to sort)</source>
            <translation>Когда начался запуск (щелчок — сортировка)</translation>
        </message>
        <message>
            <source>The images it trained on</source>
            <translation>Изображения, на которых шло обучение</translation>
        </message>
        <message>
            <source>Layer sizes, activation and output</source>
            <translation>Размеры слоёв, функция активации и выход</translation>
        </message>
        <message>
            <source>Epochs done / planned</source>
            <translation>Эпох сделано / запланировано</translation>
        </message>
        <message>
            <source>Training time (click to sort)</source>
            <translation>Время обучения (щелчок — сортировка)</translation>
        </message>
        <message>
            <source>How the run ended</source>
            <translation>Чем закончился запуск</translation>
        </message>
        <message>
            <source>Your labels for the run, comma-separated: F2 or a double-click edits them; the search box finds them</source>
            <translation>Ваши теги для запуска через запятую: F2 или двойной щелчок — изменить; поле поиска их находит</translation>
        </message>
        <message>
            <source>{day} {time}</source>
            <translation>{day} {time}</translation>
        </message>
        <message>
            <source>{done}/{planned}</source>
            <translation>{done}/{planned}</translation>
        </message>
    </context>
    <context>
        <name>RunsPanel</name>
        <message>
            <source>Error rate (log scale)</source>
            <translation>Доля ошибок (лог. шкала)</translation>
        </message>
        <message>
            <source>Show accuracy as the error rate, 100 − accuracy, on a log axis: 97 % and 99 % become 3 % and 1 %, far apart</source>
            <translation>Показывать точность как долю ошибок, 100 − точность, на логарифмической оси: 97 % и 99 % становятся 3 % и 1 % — далеко друг от друга</translation>
        </message>
        <message>
            <source>Train again</source>
            <translation>Обучить снова</translation>
        </message>
        <message>
            <source>Fill the Train tab's form with this run's settings (a lab run: pick its preset in the Lab tab)</source>
            <translation>Заполнить форму вкладки «Обучение» настройками этого запуска (для запуска лаборатории выберите его пример на вкладке «Лаборатория»)</translation>
        </message>
        <message>
            <source>Open its model</source>
            <translation>Открыть модель</translation>
        </message>
        <message>
            <source>Open the model file saved from this run</source>
            <translation>Открыть файл модели, сохранённый из этого запуска</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Экспорт CSV…</translation>
        </message>
        <message>
            <source>Save the selected run's per-epoch history (loss, accuracy, learning rate, time) as a CSV file</source>
            <translation>Сохранить поэпоховую историю выбранного запуска (потери, точность, скорость обучения, время) в файл CSV</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Удалить…</translation>
        </message>
        <message>
            <source>Delete the selected runs from the run history (Delete key); saved model files stay</source>
            <translation>Удалить выбранные запуски из истории запусков (клавиша Delete); сохранённые файлы моделей останутся</translation>
        </message>
        <message>
            <source>Not changed: {reason}</source>
            <translation>Не изменено: {reason}</translation>
        </message>
        <message>
            <source>Runs cannot be listed: {reason}</source>
            <translation>Не удаётся показать запуски: {reason}</translation>
        </message>
        <message>
            <source>Export the history of {name}</source>
            <translation>Экспорт истории запуска {name}</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Экспорт не удался</translation>
        </message>
        <message>
            <source>{name} is still training: it can be deleted once it has ended.</source>
            <translation>{name} ещё обучается: его можно будет удалить, когда он закончится.</translation>
        </message>
        <message>
            <source>Delete runs</source>
            <translation>Удаление запусков</translation>
        </message>
        <message>
            <source>Open {path}</source>
            <translation>Открыть {path}</translation>
        </message>
        <message>
            <source>Open the model file saved from this run (File ▸ Save after a run saves it)</source>
            <translation>Открыть файл модели, сохранённый из этого запуска (его сохраняет Файл ▸ Сохранить после запуска)</translation>
        </message>
        <message>
            <source>Tick runs to overlay their curves on the plots.</source>
            <translation>Отметьте запуски, чтобы наложить их кривые на графики.</translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %n runs</source>
            <translation>
                <numerusform>{shown} из %n запуска</numerusform>
                <numerusform>{shown} из %n запусков</numerusform>
                <numerusform>{shown} из %n запусков</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n run</source>
            <translation>
                <numerusform>%n запуск</numerusform>
                <numerusform>%n запуска</numerusform>
                <numerusform>%n запусков</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n runs</source>
            <translation>
                <numerusform>%n запуск</numerusform>
                <numerusform>%n запуска</numerusform>
                <numerusform>%n запусков</numerusform>
            </translation>
        </message>
        <message>
            <source>{runs}. {hint}</source>
            <translation>{runs}. {hint}</translation>
        </message>
        <message numerus="yes">
            <source>{runs} · %n ticked ({hidden} hidden by the filters). {hint}</source>
            <translation>
                <numerusform>{runs} · отмечен %n запуск (скрыто фильтрами: {hidden}). {hint}</numerusform>
                <numerusform>{runs} · отмечены %n запуска (скрыто фильтрами: {hidden}). {hint}</numerusform>
                <numerusform>{runs} · отмечено %n запусков (скрыто фильтрами: {hidden}). {hint}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{runs} · %n ticked. {hint}</source>
            <translation>
                <numerusform>{runs} · отмечен %n запуск. {hint}</numerusform>
                <numerusform>{runs} · отмечены %n запуска. {hint}</numerusform>
                <numerusform>{runs} · отмечено %n запусков. {hint}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names} и ещё %n запуск</numerusform>
                <numerusform>{names} и ещё %n запуска</numerusform>
                <numerusform>{names} и ещё %n запусков</numerusform>
            </translation>
        </message>
        <message>
            <source>the run {names}</source>
            <translation>запуск {names}</translation>
        </message>
        <message numerus="yes">
            <source>%n runs ({names})</source>
            <translation>
                <numerusform>%n запуск ({names})</numerusform>
                <numerusform>%n запуска ({names})</numerusform>
                <numerusform>%n запусков ({names})</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete {what} from the run history? Their curves and numbers go for good; saved model files stay. Runs still training are kept.</source>
            <translation>Удалить {what} из истории запусков? Их кривые и числа пропадут навсегда; сохранённые файлы моделей останутся. Запуски, которые ещё обучаются, сохранятся.</translation>
        </message>
        <message>
            <source>Delete {what} from the run history? Their curves and numbers go for good; saved model files stay.</source>
            <translation>Удалить {what} из истории запусков? Их кривые и числа пропадут навсегда; сохранённые файлы моделей останутся.</translation>
        </message>
    </context>
    <context>
        <name>SaliencyLegend</name>
        <message>
            <source>Saliency: the gradient of the top answer's score with respect to each pixel of your drawing. Red cells: more ink there raises the score; blue cells: more ink there lowers it. Stronger colour, stronger push. Draw ▸ Show saliency (S) turns it off.</source>
            <translation>Карта значимости: градиент оценки главного ответа по каждому пикселю вашего рисунка. Красные клетки: больше чернил здесь повышает оценку; синие клетки: больше чернил здесь понижает её. Чем ярче цвет, тем сильнее влияние. Рисунок ▸ Показать карту значимости (S) отключает её.</translation>
        </message>
        <message>
            <source>Saliency: draw to see which pixels push the answer up (red) or down (blue).</source>
            <translation>Карта значимости: рисуйте, чтобы увидеть, какие пиксели подталкивают ответ вверх (красные) или вниз (синие).</translation>
        </message>
        <message>
            <source>{red} red: more ink here pushes {subject} up &amp;nbsp; {blue} blue: pushes it down</source>
            <translation>{red} красный: больше чернил здесь повышает {subject} &amp;nbsp; {blue} синий: понижает</translation>
        </message>
    </context>
    <context>
        <name>SettingsFields</name>
        <message>
            <source>softmax + cross-entropy</source>
            <translation>softmax + кросс-энтропия</translation>
        </message>
        <message>
            <source>sigmoid + binary cross-entropy</source>
            <translation>sigmoid + бинарная кросс-энтропия</translation>
        </message>
        <message>
            <source>sigmoid + mean squared error</source>
            <translation>sigmoid + среднеквадратичная ошибка</translation>
        </message>
        <message>
            <source>identity + mean squared error</source>
            <translation>тождественная + среднеквадратичная ошибка</translation>
        </message>
        <message>
            <source>SGD</source>
            <translation>SGD</translation>
        </message>
        <message>
            <source>SGD + momentum</source>
            <translation>SGD + момент</translation>
        </message>
        <message>
            <source>Nesterov momentum</source>
            <translation>Момент Нестерова</translation>
        </message>
        <message>
            <source>Adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <source>constant</source>
            <translation>постоянное</translation>
        </message>
        <message>
            <source>step</source>
            <translation>ступенчатое</translation>
        </message>
        <message>
            <source>cosine</source>
            <translation>косинусное</translation>
        </message>
        <message>
            <source>A tested recipe for the network and its training; the dataset, number of images and seed stay yours. Changing any setting afterwards makes it Custom.</source>
            <translation>Проверенный набор настроек сети и её обучения; набор данных, число изображений и зерно ГСЧ остаются вашими. Если затем изменить любую настройку, пример сменится на «Свои настройки».</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Свои настройки</translation>
        </message>
        <message>
            <source>Which images to train on. MNIST and Fashion-MNIST are downloaded on first use; the 8×8 digits always work offline; a CSV imported with `digitpad data import` is listed by its name.</source>
            <translation>На каких изображениях обучать. MNIST и Fashion-MNIST скачиваются при первом использовании; цифры 8×8 всегда доступны без интернета; CSV, импортированный командой `digitpad data import`, показан под своим именем.</translation>
        </message>
        <message>
            <source>Choose a CSV or IDX file…</source>
            <translation>Выбрать файл CSV или IDX…</translation>
        </message>
        <message>
            <source>How many training images to use (the first N); 'all' uses every one. Small subsets train fast.</source>
            <translation>Сколько обучающих изображений использовать (первые N); «все» — использовать каждое. Маленькие подмножества обучаются быстро.</translation>
        </message>
        <message>
            <source>all</source>
            <translation>все</translation>
        </message>
        <message>
            <source>Share of the training images held out (stratified by class) to measure validation loss and accuracy.</source>
            <translation>Доля обучающих изображений, которая откладывается (со стратификацией по классам) для измерения потерь и точности на валидационной выборке.</translation>
        </message>
        <message>
            <source> %</source>
            <translation> %</translation>
        </message>
        <message>
            <source>Augmentation: move each training image by a random offset of up to this many pixels, anew every epoch, so the net cannot rely on exact pixel positions. Counted in pixels of a 28×28 image and scaled down for smaller ones: on the 8×8 digits 1–3 px is off, 4–6 px is ±1, 7–8 px is ±2.</source>
            <translation>Аугментация: сдвигать каждое обучающее изображение на случайную величину до указанного числа пикселей, заново в каждой эпохе, чтобы сеть не могла полагаться на точное положение пикселей. Считается в пикселях изображения 28×28 и уменьшается для меньших: на цифрах 8×8 значения 1–3 пикс. означают «выкл.», 4–6 пикс. — ±1, 7–8 пикс. — ±2.</translation>
        </message>
        <message>
            <source> px</source>
            <translation> пикс.</translation>
        </message>
        <message>
            <source>off</source>
            <translation>выкл.</translation>
        </message>
        <message>
            <source>e.g. 256,128</source>
            <translation>напр. 256,128</translation>
        </message>
        <message>
            <source>Hidden layer sizes, comma separated: 256,128 means two hidden layers. Empty means no hidden layer (a linear model).</source>
            <translation>Размеры скрытых слоёв через запятую: 256,128 — два скрытых слоя. Пусто — без скрытых слоёв (линейная модель).</translation>
        </message>
        <message>
            <source>Activation of every hidden layer.</source>
            <translation>Функция активации каждого скрытого слоя.</translation>
        </message>
        <message>
            <source>The output activation and the loss computed on it. Softmax + cross-entropy is the standard for classes.</source>
            <translation>Функция активации выходного слоя и функция потерь, вычисляемая по её результату. Softmax + кросс-энтропия — стандартный выбор для классов.</translation>
        </message>
        <message>
            <source>Regression: one output = label/10</source>
            <translation>Регрессия: один выход = метка/10</translation>
        </message>
        <message>
            <source>A single output unit that should equal label/10, as in a classic beginner set-up. Needs a mean squared error loss.</source>
            <translation>Один выходной нейрон, который должен равняться метке/10, как в классической конфигурации новичка. Нужна функция потерь «среднеквадратичная ошибка».</translation>
        </message>
        <message>
            <source>How weights start: Uniform(−1, 1) and Normal(0, 0.01) ignore the layer size; Glorot suits sigmoid/tanh, He suits ReLU.</source>
            <translation>Как задаются начальные веса: Равномерное(−1, 1) и Нормальное(0, 0.01) не учитывают размер слоя; Glorot подходит для sigmoid/tanh, He — для ReLU.</translation>
        </message>
        <message>
            <source>Layers have a bias</source>
            <translation>Слои со смещениями</translation>
        </message>
        <message>
            <source>Add a bias b to every dense layer (y = xW + b).</source>
            <translation>Добавить смещение b к каждому полносвязному слою (y = xW + b).</translation>
        </message>
        <message>
            <source>How the gradient becomes a weight update.</source>
            <translation>Как градиент превращается в обновление весов.</translation>
        </message>
        <message>
            <source>Learning rate: the step size of each update.</source>
            <translation>Скорость обучения: размер шага каждого обновления.</translation>
        </message>
        <message>
            <source>Momentum μ for SGD + momentum and Nesterov (ignored by SGD and Adam).</source>
            <translation>Момент μ для «SGD + момент» и «Момент Нестерова» (SGD и Adam его не используют).</translation>
        </message>
        <message>
            <source>How the learning rate changes over the run: constant, step (×0.1 at 30 %, 60 %, 90 %) or cosine decay to 0.</source>
            <translation>Как скорость обучения меняется за запуск: постоянное расписание, ступенчатое (×0,1 на 30 %, 60 % и 90 %) или косинусное затухание до 0.</translation>
        </message>
        <message>
            <source>L2 weight decay on weights (not biases).</source>
            <translation>L2-снижение весов (смещения не затрагиваются).</translation>
        </message>
        <message>
            <source>Images per gradient step (mini-batch size).</source>
            <translation>Изображений на один шаг градиента (размер мини-батча).</translation>
        </message>
        <message>
            <source>full</source>
            <translation>полный</translation>
        </message>
        <message>
            <source>Full-batch gradient descent: one step per epoch over every image.</source>
            <translation>Градиентный спуск по полному батчу: один шаг за эпоху по всем изображениям.</translation>
        </message>
        <message>
            <source>Sum the gradient over the batch</source>
            <translation>Суммировать градиент по батчу</translation>
        </message>
        <message>
            <source>Sum instead of average: the step then grows with the batch size.</source>
            <translation>Сумма вместо среднего: тогда шаг растёт вместе с размером батча.</translation>
        </message>
        <message>
            <source>Scale inputs to [0, 1]</source>
            <translation>Масштабировать входы в [0, 1]</translation>
        </message>
        <message>
            <source>Divide pixel values by their maximum (255, or 16 for 8×8 digits).</source>
            <translation>Делить значения пикселей на их максимум (255 или 16 для цифр 8×8).</translation>
        </message>
        <message>
            <source>Passes over the training images.</source>
            <translation>Число проходов по обучающим изображениям.</translation>
        </message>
        <message>
            <source>Seed for weights, split and shuffling: the same seed repeats a run exactly.</source>
            <translation>Зерно ГСЧ для весов, разбиения и перемешивания: с тем же зерном запуск повторяется в точности.</translation>
        </message>
        <message>
            <source>Imported from {source}: {train:,} training images, {test:,} test images ({split})</source>
            <translation>Импортировано из {source}: обучающих изображений — {train:,}, тестовых — {test:,} ({split})</translation>
        </message>
        <message>
            <source>Only {count:,} training images in {dataset}: all of them will be used.</source>
            <translation>Обучающих изображений в {dataset} всего {count:,}: будут использованы все.</translation>
        </message>
        <message>
            <source>Train on a file</source>
            <translation>Обучить на файле</translation>
        </message>
        <message>
            <source>Datasets (*.csv *.csv.gz *.gz *-ubyte);;All files (*)</source>
            <translation>Наборы данных (*.csv *.csv.gz *.gz *-ubyte);;Все файлы (*)</translation>
        </message>
        <message>
            <source>{title} (bundled)</source>
            <translation>{title} (встроенный)</translation>
        </message>
    </context>
    <context>
        <name>Teach</name>
        <message>
            <source>Teach it my digits</source>
            <translation>Дообучение на моих цифрах</translation>
        </message>
        <message>
            <source>Teaching can start once the training has ended.</source>
            <translation>Дообучение можно начать, когда обучение закончится.</translation>
        </message>
        <message>
            <source>Cannot teach this model</source>
            <translation>Эту модель нельзя дообучить</translation>
        </message>
        <message>
            <source>My digits cannot be read</source>
            <translation>Не удаётся прочитать «Мои цифры»</translation>
        </message>
        <message>
            <source>No digits of yours yet</source>
            <translation>Ваших цифр пока нет</translation>
        </message>
        <message>
            <source>Teaching needs MNIST's images; nothing was started.</source>
            <translation>Для дообучения нужны изображения MNIST; ничего не запущено.</translation>
        </message>
        <message>
            <source>MNIST and My digits</source>
            <translation>MNIST и «Мои цифры»</translation>
        </message>
        <message>
            <source>Loading MNIST and your digits, and measuring the model before it changes…</source>
            <translation>Загрузка MNIST и ваших цифр, измерение модели до изменений…</translation>
        </message>
        <message numerus="yes">
            <source>Training on MNIST mixed with your digits (%n epochs); the After column fills in when it ends.</source>
            <translation>
                <numerusform>Обучение на MNIST вперемешку с вашими цифрами (%n эпоха); столбец «После» заполнится по окончании.</numerusform>
                <numerusform>Обучение на MNIST вперемешку с вашими цифрами (%n эпохи); столбец «После» заполнится по окончании.</numerusform>
                <numerusform>Обучение на MNIST вперемешку с вашими цифрами (%n эпох); столбец «После» заполнится по окончании.</numerusform>
            </translation>
        </message>
        <message>
            <source>The tuned model reads your drawings now; it is not saved yet. {result} ({duration}).</source>
            <translation>Теперь ваши рисунки читает дообученная модель; она ещё не сохранена. {result} ({duration}).</translation>
        </message>
        <message>
            <source>Teaching ended before a tuned model was made; the model is as it was.</source>
            <translation>Дообучение закончилось раньше, чем была получена дообученная модель; модель осталась прежней.</translation>
        </message>
        <message>
            <source>Back to the model before?</source>
            <translation>Вернуть прежнюю модель?</translation>
        </message>
        <message>
            <source>The tuned model has edits by hand since; going back loses them. Go back to the model as it was before teaching?</source>
            <translation>С тех пор дообученная модель была изменена вручную; при возврате эти правки пропадут. Вернуться к модели, какой она была до дообучения?</translation>
        </message>
        <message>
            <source>Back to the model as it was before teaching.</source>
            <translation>Возвращена модель, какой она была до дообучения.</translation>
        </message>
        <message>
            <source>{text} Note: {note}.</source>
            <translation>{text} Примечание: {note}.</translation>
        </message>
    </context>
    <context>
        <name>TrainConfig</name>
        <message>
            <source>epochs must be at least 1, got {epochs}</source>
            <translation>число эпох должно быть не меньше 1, получено {epochs}</translation>
        </message>
        <message>
            <source>batch size must be positive (or 0 for full batch), got {batch_size}</source>
            <translation>размер батча должен быть положительным (или 0 для полного батча), получено {batch_size}</translation>
        </message>
        <message>
            <source>there are no training images</source>
            <translation>нет обучающих изображений</translation>
        </message>
        <message>
            <source>batch size {batch_size} is larger than the {n_train} training images</source>
            <translation>размер батча {batch_size} больше числа обучающих изображений ({n_train})</translation>
        </message>
        <message>
            <source>unknown optimizer {optimizer!r}; choose one of {names}</source>
            <translation>неизвестный оптимизатор {optimizer!r}; выберите один из: {names}</translation>
        </message>
        <message>
            <source>learning rate must be a positive number up to {max_lr:g}, got {lr}</source>
            <translation>скорость обучения должна быть положительным числом не больше {max_lr:g}, получено {lr}</translation>
        </message>
        <message>
            <source>momentum must be in [0, 1), got {momentum}</source>
            <translation>момент должен быть в [0, 1), получено {momentum}</translation>
        </message>
        <message>
            <source>weight decay must be zero or positive, got {weight_decay}</source>
            <translation>снижение весов должно быть нулём или положительным числом, получено {weight_decay}</translation>
        </message>
        <message>
            <source>unknown schedule {schedule!r}; choose one of {names}</source>
            <translation>неизвестное расписание {schedule!r}; выберите одно из: {names}</translation>
        </message>
        <message>
            <source>seed must be zero or a positive whole number, got {seed}</source>
            <translation>зерно ГСЧ должно быть нулём или положительным целым числом, получено {seed}</translation>
        </message>
        <message>
            <source>random shift must be 0 to {max_shift} pixels (of a 28×28 image), got {shift}</source>
            <translation>случайный сдвиг должен быть от 0 до {max_shift} пикселей (для изображения 28×28), получено {shift}</translation>
        </message>
        <message>
            <source>validation share must be in [0, 1), got {validation}</source>
            <translation>доля валидационной выборки должна быть в [0, 1), получено {validation}</translation>
        </message>
    </context>
    <context>
        <name>Trainer</name>
        <message>
            <source>a run can record at most {limit:,} changes</source>
            <translation>запуск может записать не более {limit:,} изменений</translation>
        </message>
        <message>
            <source>trained for {epochs} epochs</source>
            <translation>обучение завершено, эпох: {epochs}</translation>
        </message>
        <message>
            <source>stopped by the user after {epochs} full epochs</source>
            <translation>остановлено пользователем; полных эпох: {epochs}</translation>
        </message>
        <message>
            <source>stopped by the user in epoch {epoch}, after batch {batch} ({epochs} full epochs)</source>
            <translation>остановлено пользователем на эпохе {epoch}, после батча {batch} (полных эпох: {epochs})</translation>
        </message>
        <message>
            <source>the weights became NaN or infinite in the last update of epoch {epoch}</source>
            <translation>веса стали NaN или бесконечными при последнем обновлении эпохи {epoch}</translation>
        </message>
        <message>
            <source>the weights became NaN or infinite in the last update of epoch {epoch}; first non-finite values in {name} (layer {layer})</source>
            <translation>веса стали NaN или бесконечными при последнем обновлении эпохи {epoch}; первые неконечные значения — в {name} (слой {layer})</translation>
        </message>
        <message>
            <source>loss became NaN or infinite in epoch {epoch}, batch {batch}</source>
            <translation>потери стали NaN или бесконечными на эпохе {epoch}, батч {batch}</translation>
        </message>
        <message>
            <source>loss became NaN or infinite in epoch {epoch}, batch {batch}; first non-finite values in {name} (layer {layer})</source>
            <translation>потери стали NaN или бесконечными на эпохе {epoch}, батч {batch}; первые неконечные значения — в {name} (слой {layer})</translation>
        </message>
        <message>
            <source>{what}. Restored the weights from the end of epoch {epochs}; the learning rate (or weight decay) is probably too large</source>
            <translation>{what}. Восстановлены веса на конец эпохи {epochs}; вероятно, слишком велика скорость обучения (или снижение весов)</translation>
        </message>
        <message>
            <source>{what}. Restored the initial weights; the learning rate (or weight decay) is probably too large</source>
            <translation>{what}. Восстановлены начальные веса; вероятно, слишком велика скорость обучения (или снижение весов)</translation>
        </message>
        <message>
            <source>{key} must be a number, got {value!r}</source>
            <translation>{key}: ожидается число, получено {value!r}</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <source>Locked while training runs: the network and data of a run are fixed. Stop the run to change it.</source>
            <translation>Заблокировано во время обучения: сеть и данные запуска неизменны. Остановите запуск, чтобы изменить это поле.</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Данные</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>Набор данных</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>Изображения</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Валидация</translation>
        </message>
        <message>
            <source>Random shift</source>
            <translation>Случайный сдвиг</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Сеть</translation>
        </message>
        <message>
            <source>Hidden layers</source>
            <translation>Скрытые слои</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>Функция активации</translation>
        </message>
        <message>
            <source>Output + loss</source>
            <translation>Выход + потери</translation>
        </message>
        <message>
            <source>Initialiser</source>
            <translation>Инициализация</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>Оптимизатор</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>Скорость обучения</translation>
        </message>
        <message>
            <source>Momentum</source>
            <translation>Момент</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Расписание</translation>
        </message>
        <message>
            <source>Weight decay</source>
            <translation>Снижение весов</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Запуск</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>Размер батча</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>Эпохи</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Зерно ГСЧ</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Пример</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>Обучить</translation>
        </message>
        <message>
            <source>Start training (F5)</source>
            <translation>Начать обучение (F5)</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Пауза</translation>
        </message>
        <message>
            <source>Pause or resume training; takes effect within one batch (F6)</source>
            <translation>Приостановить или продолжить обучение; срабатывает в пределах одного батча (F6)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Остановить</translation>
        </message>
        <message>
            <source>Stop training after the current batch (Shift+F5)</source>
            <translation>Остановить обучение после текущего батча (Shift+F5)</translation>
        </message>
        <message>
            <source>Progress of the run: epochs, batches and time left</source>
            <translation>Ход запуска: эпохи, батчи и оставшееся время</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Готово</translation>
        </message>
        <message>
            <source>Locked while training runs: {optimizer} ignores momentum, which only moves SGD + momentum and Nesterov; the optimizer of a run is fixed.</source>
            <translation>Заблокировано во время обучения: {optimizer} не использует момент, который влияет только на «SGD + момент» и «Момент Нестерова»; оптимизатор запуска неизменен.</translation>
        </message>
        <message>
            <source>Locked while training runs: this optimizer ignores momentum, which only moves SGD + momentum and Nesterov; the optimizer of a run is fixed.</source>
            <translation>Заблокировано во время обучения: этот оптимизатор не использует момент, который влияет только на «SGD + момент» и «Момент Нестерова»; оптимизатор запуска неизменен.</translation>
        </message>
        <message>
            <source>{tip}
Can change while training runs: the new value applies from the next mini-batch.</source>
            <translation>{tip}
Можно менять во время обучения: новое значение действует со следующего мини-батча.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Продолжить</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlots</name>
        <message>
            <source>validation</source>
            <translation>валидация</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>потери</translation>
        </message>
        <message>
            <source>Loss while training: grey = every mini-batch, blue line = their moving average (the mean of the last {window} mini-batches), dots = mean training loss and validation loss per epoch.
Click a line's swatch in the legend to hide or show it. Right-click for a log scale, the grid and export.</source>
            <translation>Потери во время обучения: серое — каждый мини-батч, синяя линия — их скользящее среднее (окно: {window} последних мини-батчей), точки — средние потери на обучающей выборке и потери на валидационной выборке за каждую эпоху.
Щёлкните по значку линии в легенде, чтобы скрыть или показать её. Правый щелчок — логарифмическая шкала, сетка и экспорт.</translation>
        </message>
        <message>
            <source>batch loss</source>
            <translation>потери на батче</translation>
        </message>
        <message>
            <source>moving average</source>
            <translation>скользящее среднее</translation>
        </message>
        <message>
            <source>train (epoch mean)</source>
            <translation>обучение (среднее за эпоху)</translation>
        </message>
        <message>
            <source>Different losses: not comparable</source>
            <translation>Разные функции потерь: сравнивать нельзя</translation>
        </message>
        <message>
            <source>These runs compute different losses ({losses}): their values measure different things, so a lower curve is not a better run. Compare their accuracy instead.</source>
            <translation>Эти запуски вычисляют разные функции потерь ({losses}): их значения измеряют разное, поэтому более низкая кривая не означает лучший запуск. Сравнивайте лучше их точность.</translation>
        </message>
        <message>
            <source>batch average</source>
            <translation>среднее по батчам</translation>
        </message>
        <message>
            <source>accuracy (%)</source>
            <translation>точность (%)</translation>
        </message>
        <message>
            <source>Share of images classified correctly after each epoch, on the training data and on the held-out validation data.
A widening gap between them is overfitting.
Right-click for the error rate on a log scale (which spreads out 90–100 %), the grid and export.</source>
            <translation>Доля правильно классифицированных изображений после каждой эпохи — на обучающих данных и на отложенной валидационной выборке.
Растущий разрыв между ними — это переобучение.
Правый щелчок — доля ошибок в логарифмической шкале (она растягивает диапазон 90–100 %), сетка и экспорт.</translation>
        </message>
        <message>
            <source>train</source>
            <translation>обучение</translation>
        </message>
        <message>
            <source>Error rate on a log scale</source>
            <translation>Доля ошибок (лог. шкала)</translation>
        </message>
        <message>
            <source>Show 100 % − accuracy on a log scale: 92 %, 99 % and 99.9 % accuracy become 8 %, 1 % and 0.1 % error, a decade apart, where a 0–100 % axis squashes them together.</source>
            <translation>Показывать 100 % − точность в логарифмической шкале: точность 92 %, 99 % и 99,9 % превращается в 8 %, 1 % и 0,1 % ошибок — на порядок друг от друга, тогда как ось 0–100 % сжимает их вместе.</translation>
        </message>
        <message>
            <source>error rate (%)</source>
            <translation>доля ошибок (%)</translation>
        </message>
    </context>
    <context>
        <name>TrainingSession</name>
        <message>
            <source>Stopped before training started.</source>
            <translation>Остановлено до начала обучения.</translation>
        </message>
        <message>
            <source>Not enough memory for this network and data; try fewer or smaller layers, a smaller batch or a subset.</source>
            <translation>Недостаточно памяти для этой сети и данных; попробуйте меньше слоёв или слои поменьше, меньший батч или подмножество.</translation>
        </message>
        <message>
            <source>Training failed: {error}</source>
            <translation>Сбой обучения: {error}</translation>
        </message>
    </context>
    <context>
        <name>TrainingWorker</name>
        <message>
            <source>lr</source>
            <translation>скорость обучения</translation>
        </message>
        <message>
            <source>momentum</source>
            <translation>момент</translation>
        </message>
        <message>
            <source>weight decay</source>
            <translation>снижение весов</translation>
        </message>
        <message>
            <source>{setting} {old:g} → {new:g}</source>
            <translation>{setting} {old:g} → {new:g}</translation>
        </message>
    </context>
    <context>
        <name>UnitInspection</name>
        <message>
            <source>Units can be switched off once the training has ended: while it runs, the view follows the run's network epoch by epoch.</source>
            <translation>Отключать нейроны можно, когда обучение закончится: пока оно идёт, вид следует за сетью запуска от эпохи к эпохе.</translation>
        </message>
        <message>
            <source>the output</source>
            <translation>выход</translation>
        </message>
        <message>
            <source>“{name}”</source>
            <translation>«{name}»</translation>
        </message>
        <message>
            <source>The test accuracy comes when the training has ended.</source>
            <translation>Точность на тестовой выборке появится, когда обучение закончится.</translation>
        </message>
        <message>
            <source>The test images this unit responds to most come when the training has ended.</source>
            <translation>Тестовые изображения, на которые этот нейрон реагирует сильнее всего, появятся, когда обучение закончится.</translation>
        </message>
        <message>
            <source>The test images of the model’s dataset are not on this computer, so the images this unit responds to most cannot be shown.</source>
            <translation>Тестовых изображений из набора данных модели нет на этом компьютере, поэтому нельзя показать изображения, на которые этот нейрон реагирует сильнее всего.</translation>
        </message>
        <message>
            <source>The test images of {dataset} are not on this computer, so the images this unit responds to most cannot be shown.</source>
            <translation>Тестовых изображений {dataset} нет на этом компьютере, поэтому нельзя показать изображения, на которые этот нейрон реагирует сильнее всего.</translation>
        </message>
        <message>
            <source>Finding the test images this unit responds to most…</source>
            <translation>Ищем тестовые изображения, на которые этот нейрон реагирует сильнее всего…</translation>
        </message>
        <message>
            <source>Passing the test images through the network…</source>
            <translation>Пропускаем тестовые изображения через сеть…</translation>
        </message>
        <message>
            <source>Passing the test images through the network… {share:.0%}</source>
            <translation>Пропускаем тестовые изображения через сеть… {share:.0%}</translation>
        </message>
        <message>
            <source>computing…</source>
            <translation>вычисление…</translation>
        </message>
        <message>
            <source>No test accuracy: {error}</source>
            <translation>Нет точности на тестовой выборке: {error}</translation>
        </message>
    </context>
    <context>
        <name>UnitPanel</name>
        <message>
            <source>Point at a unit to see what it does; click to keep it here; Ctrl+click switches it off.</source>
            <translation>Наведите курсор на нейрон, чтобы увидеть, что он делает; щёлкните, чтобы закрепить его здесь; Ctrl+щелчок отключает его.</translation>
        </message>
        <message>
            <source>Its strongest weights to the units (#) of the next layer, and the classes whose score its output raises and lowers most on this drawing: how far the score moves per unit of output (for the last hidden layer, its weights to the classes).</source>
            <translation>Его самые сильные веса к нейронам (#) следующего слоя и классы, оценку которых его выход на этом рисунке повышает и понижает сильнее всего: насколько сдвигается оценка на единицу выхода (для последнего скрытого слоя — его веса к классам).</translation>
        </message>
        <message>
            <source>output</source>
            <translation>выход</translation>
        </message>
        <message>
            <source>{name} {effect}</source>
            <translation>{name} {effect}</translation>
        </message>
        <message>
            <source>This unit's incoming weights from the layer below, sorted from largest to smallest: orange above 0, blue below.</source>
            <translation>Входящие веса этого нейрона от нижележащего слоя, отсортированные от большего к меньшему: оранжевые — выше 0, синие — ниже.</translation>
        </message>
        <message>
            <source>incoming, sorted</source>
            <translation>входящие, по убыванию</translation>
        </message>
        <message>
            <source>The test images on which this unit's activation (before its gain) is largest, largest first: what the unit responds to.</source>
            <translation>Тестовые изображения, на которых активация этого нейрона (до усиления) наибольшая, по убыванию: то, на что нейрон реагирует.</translation>
        </message>
        <message>
            <source>The unit's output on this drawing (its activation times its gain) and the weighted sum of its inputs plus its bias it came from.</source>
            <translation>Выход нейрона на этом рисунке (его активация, умноженная на усиление) и взвешенная сумма входов плюс смещение, из которой он получен.</translation>
        </message>
        <message>
            <source>On</source>
            <translation>Вкл.</translation>
        </message>
        <message>
            <source>Untick to switch this unit off: it outputs 0 for every drawing</source>
            <translation>Снимите флажок, чтобы отключить этот нейрон: он будет выдавать 0 на любом рисунке</translation>
        </message>
        <message>
            <source>× gain: scales this unit's output (1 as trained, 0 switches it off)</source>
            <translation>× усиление: масштабирует выход этого нейрона (1 — как после обучения, 0 — отключает его)</translation>
        </message>
        <message>
            <source>× gain</source>
            <translation>× усиление</translation>
        </message>
        <message>
            <source>Reset edits</source>
            <translation>Сбросить правки</translation>
        </message>
        <message>
            <source>Every unit back on at gain 1 (and any step taken on one drawing undone): the network as trained</source>
            <translation>Все нейроны снова включены с усилением 1 (а шаг, сделанный на одном рисунке, отменён): сеть в том виде, в каком её обучили</translation>
        </message>
        <message>
            <source>The share of the test images the network classifies correctly with its units as edited, and as trained</source>
            <translation>Доля тестовых изображений, которые сеть классифицирует верно с изменёнными нейронами и в обученном виде</translation>
        </message>
        <message>
            <source>hidden {layer} · unit {unit}</source>
            <translation>скрытый {layer} · нейрон {unit}</translation>
        </message>
        <message>
            <source>activation {activation:.3g}
pre-activation {pre_activation:.3g}</source>
            <translation>активация {activation:.3g}
предактивация {pre_activation:.3g}</translation>
        </message>
        <message>
            <source>{effects}

On every class: {every}</source>
            <translation>{effects}

По всем классам: {every}</translation>
        </message>
        <message>
            <source>Test accuracy {accuracy} (as trained {trained})</source>
            <translation>Точность на тестовой выборке: {accuracy} (без правок: {trained})</translation>
        </message>
        <message>
            <source>Test accuracy {accuracy}</source>
            <translation>Точность на тестовой выборке: {accuracy}</translation>
        </message>
        <message>
            <source>incoming</source>
            <translation>входящие</translation>
        </message>
        <message>
            <source>This unit's incoming weights, one per input pixel: orange where ink raises its sum, blue where ink lowers it.</source>
            <translation>Входящие веса этого нейрона, по одному на входной пиксель: оранжевый — там, где чернила увеличивают его сумму, синий — где уменьшают.</translation>
        </message>
        <message>
            <source>to hidden {layer}</source>
            <translation>к скрытому {layer}</translation>
        </message>
        <message>
            <source>#{unit} {weight}</source>
            <translation>#{unit} {weight}</translation>
        </message>
        <message>
            <source>raises</source>
            <translation>вверх</translation>
        </message>
        <message>
            <source>lowers</source>
            <translation>вниз</translation>
        </message>
    </context>
    <context>
        <name>WeightsView</name>
        <message>
            <source>Each tile is one first-layer unit's incoming weights, one per input pixel: red = positive (ink there excites the unit), blue = negative (ink there inhibits it), white = about 0.</source>
            <translation>Каждая плитка — входящие веса одного нейрона первого слоя, по одному на входной пиксель: красный — положительный (чернила там возбуждают нейрон), синий — отрицательный (чернила там его подавляют), белый — около 0.</translation>
        </message>
        <message>
            <source>unit {unit}: weights from {low:+.3f} to {high:+.3f}
colour scale ±{scale:.3f}</source>
            <translation>нейрон {unit}: веса от {low:+.3f} до {high:+.3f}
цветовая шкала ±{scale:.3f}</translation>
        </message>
        <message>
            <source>Colour of a weight: blue negative, white zero, red positive, symmetric around 0</source>
            <translation>Цвет веса: синий — отрицательный, белый — ноль, красный — положительный, симметрично относительно 0</translation>
        </message>
        <message>
            <source>−max |w|</source>
            <translation>−max |w|</translation>
        </message>
        <message>
            <source>+max |w|</source>
            <translation>+max |w|</translation>
        </message>
        <message>
            <source>Same colour scale for all units</source>
            <translation>Общая цветовая шкала для всех нейронов</translation>
        </message>
        <message>
            <source>Off: each tile uses its own largest |weight|, so every pattern is visible.
On: one scale for all, so units with small weights look pale.</source>
            <translation>Выкл.: каждая плитка использует свой наибольший |вес|, поэтому виден каждый узор.
Вкл.: одна шкала для всех, поэтому нейроны с малыми весами выглядят бледными.</translation>
        </message>
        <message>
            <source>Incoming weights of the first hidden layer, first {k} of {n:,} units: each tile is one unit's {size} weights laid out as the {h}×{w} input image.</source>
            <translation>Входящие веса первого скрытого слоя (нейронов: {n:,}, показаны первые {k}): каждая плитка — веса одного нейрона ({size}), разложенные как входное изображение {h}×{w}.</translation>
        </message>
        <message numerus="yes">
            <source>Incoming weights of the first hidden layer, all %n units: each tile is one unit's {size} weights laid out as the {h}×{w} input image.</source>
            <translation>
                <numerusform>Входящие веса первого скрытого слоя, все %n нейрон: каждая плитка — веса одного нейрона ({size}), разложенные как входное изображение {h}×{w}.</numerusform>
                <numerusform>Входящие веса первого скрытого слоя, все %n нейрона: каждая плитка — веса одного нейрона ({size}), разложенные как входное изображение {h}×{w}.</numerusform>
                <numerusform>Входящие веса первого скрытого слоя, все %n нейронов: каждая плитка — веса одного нейрона ({size}), разложенные как входное изображение {h}×{w}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Incoming weights of the output layer (this network has no hidden layer), first {k} of {n:,} units: each tile is one unit's {size} weights laid out as the {h}×{w} input image.</source>
            <translation>Входящие веса выходного слоя — у этой сети нет скрытого слоя (нейронов: {n:,}, показаны первые {k}): каждая плитка — веса одного нейрона ({size}), разложенные как входное изображение {h}×{w}.</translation>
        </message>
        <message numerus="yes">
            <source>Incoming weights of the output layer (this network has no hidden layer), all %n units: each tile is one unit's {size} weights laid out as the {h}×{w} input image.</source>
            <translation>
                <numerusform>Входящие веса выходного слоя — у этой сети нет скрытого слоя (все %n нейрон): каждая плитка — веса одного нейрона ({size}), разложенные как входное изображение {h}×{w}.</numerusform>
                <numerusform>Входящие веса выходного слоя — у этой сети нет скрытого слоя (все %n нейрона): каждая плитка — веса одного нейрона ({size}), разложенные как входное изображение {h}×{w}.</numerusform>
                <numerusform>Входящие веса выходного слоя — у этой сети нет скрытого слоя (все %n нейронов): каждая плитка — веса одного нейрона ({size}), разложенные как входное изображение {h}×{w}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Red pixels excite the unit when inked, blue ones inhibit it. Hover a tile for its values.</source>
            <translation>Красные пиксели возбуждают нейрон, если на них есть чернила, синие — подавляют. Наведите курсор на плитку, чтобы увидеть её значения.</translation>
        </message>
    </context>
    <context>
        <name>WindowRecording</name>
        <message>
            <source>Run {id} · {label}</source>
            <translation>Запуск {id} · {label}</translation>
        </message>
        <message>
            <source>Run {id}</source>
            <translation>Запуск {id}</translation>
        </message>
    </context>
</TS>
