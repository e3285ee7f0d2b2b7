<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>ActivationsView</name>
        <message>
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <source>leaky ReLU</source>
            <translation>带泄漏的 ReLU</translation>
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
            <translation>线性</translation>
        </message>
        <message>
            <source>Dead units: {dead:,} of {units:,} ({share})</source>
            <translation>死亡单元：{units:,} 个中有 {dead:,} 个（{share}）</translation>
        </message>
        <message>
            <source>never active on these {batch:,} images, so they pass no gradient and stop learning.</source>
            <translation>在这 {batch:,} 张图像上从未激活，因此它们不传递梯度，停止了学习。</translation>
        </message>
        <message>
            <source>{share} of all activations are exactly 0.</source>
            <translation>所有激活值中有 {share} 恰好为 0。</translation>
        </message>
        <message>
            <source>Saturated: {share} of activations</source>
            <translation>饱和：占激活值的 {share}</translation>
        </message>
        <message>
            <source>below {low} or above {high}, where the curve is flat and almost no gradient flows back.</source>
            <translation>低于 {low} 或高于 {high}，此处曲线平坦，几乎没有梯度反向流回。</translation>
        </message>
        <message>
            <source>Linear units neither die nor saturate.</source>
            <translation>线性单元既不会死亡也不会饱和。</translation>
        </message>
        <message>
            <source>{count:,} values are NaN or infinite (not in the histogram).</source>
            <translation>有 {count:,} 个值为 NaN 或无穷大（未计入直方图）。</translation>
        </message>
        <message>
            <source>This network has no hidden layer, so there are no hidden activations to show.</source>
            <translation>这个网络没有隐藏层，因此没有可显示的隐藏层激活值。</translation>
        </message>
        <message>
            <source>What each hidden layer's {name} units output on {batch:,} test images: a histogram of every unit's value on every image.</source>
            <translation>每个隐藏层的 {name} 单元在 {batch:,} 张测试图像上的输出：每个单元在每张图像上的值构成的直方图。</translation>
        </message>
        <message>
            <source>layer {layer}: {units:,} {name} units</source>
            <translation>第 {layer} 层：{units:,} 个 {name} 单元</translation>
        </message>
        <message>
            <source>Dead ReLU units output 0 for every input, so their weights get no gradient; saturated sigmoid/tanh units sit where the slope is almost 0.</source>
            <translation>死亡 ReLU 单元对任何输入都输出 0，因此其权重得不到梯度；饱和的 sigmoid/tanh 单元停留在斜率几乎为 0 的区域。</translation>
        </message>
        <message>
            <source>activation value</source>
            <translation>激活值</translation>
        </message>
        <message>
            <source>count</source>
            <translation>计数</translation>
        </message>
        <message>
            <source>{title}: how often each activation value occurs ({batch:,} images × {units:,} units)</source>
            <translation>{title}：每个激活值出现的频次（{batch:,} 张图像 × {units:,} 个单元）</translation>
        </message>
        <message>
            <source>↑ {count:,} values in this bar (cut off)</source>
            <translation>↑ 此柱中有 {count:,} 个值（已截断）</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>{error}

digitpad keeps running; please report this with the text printed in the terminal.</source>
            <translation>{error}

digitpad 仍在运行；请连同终端中输出的文字一起报告此问题。</translation>
        </message>
    </context>
    <context>
        <name>Backprop</name>
        <message>
            <source>A regression on label/10: for “{name}” the target is y = {label}/10 = {y}. δ = (a − y)·f′(z), f′ = a(1 − a) for a sigmoid output: ({a} − {y}) × {f_prime} = {d}.</source>
            <translation>对标签/10 的回归：对于“{name}”，目标为 y = {label}/10 = {y}。δ = (a − y)·f′(z)，对于 sigmoid 输出，f′ = a(1 − a)：({a} − {y}) × {f_prime} = {d}。</translation>
        </message>
        <message>
            <source>A regression on label/10: for “{name}” the target is y = {label}/10 = {y}. δ = (a − y)·f′(z), f′ = 1 for an identity output: ({a} − {y}) × {f_prime} = {d}.</source>
            <translation>对标签/10 的回归：对于“{name}”，目标为 y = {label}/10 = {y}。δ = (a − y)·f′(z)，对于恒等输出，f′ = 1：({a} − {y}) × {f_prime} = {d}。</translation>
        </message>
        <message>
            <source>This model carries the lab's mistake “softmax derivative applied twice”: its output δ is (p − y)·p(1 − p), not p − y. For “{name}”: ({a} − {y}) × {a} × {one_minus_a} = {d} instead of {a_minus_y}. Finite differences follow the loss itself, so they disagree with these gradients.</source>
            <translation>这个模型带有实验室故意设置的错误“softmax 导数被重复乘了一次”：它的输出 δ 是 (p − y)·p(1 − p)，而不是 p − y。对于“{name}”：({a} − {y}) × {a} × {one_minus_a} = {d}，而不是 {a_minus_y}。有限差分跟随的是损失本身，因此与这些梯度不一致。</translation>
        </message>
        <message>
            <source>Softmax with cross-entropy: the output δ is p − y. For “{name}”: {a} − {y} = {d}.</source>
            <translation>softmax 配合交叉熵：输出 δ 为 p − y。对于“{name}”：{a} − {y} = {d}。</translation>
        </message>
        <message>
            <source>Sigmoid outputs with binary cross-entropy: each output's δ is p − y. For “{name}”: {a} − {y} = {d}.</source>
            <translation>sigmoid 输出配合二元交叉熵：每个输出的 δ 为 p − y。对于“{name}”：{a} − {y} = {d}。</translation>
        </message>
        <message>
            <source>Squared error on sigmoid outputs: δ = (a − y)·a(1 − a). For “{name}”: ({a} − {y}) × {a} × {one_minus_a} = {d}.</source>
            <translation>sigmoid 输出上的平方误差：δ = (a − y)·a(1 − a)。对于“{name}”：({a} − {y}) × {a} × {one_minus_a} = {d}。</translation>
        </message>
        <message>
            <source>Squared error on identity outputs: δ = a − y. For “{name}”: {a} − {y} = {d}.</source>
            <translation>恒等输出上的平方误差：δ = a − y。对于“{name}”：{a} − {y} = {d}。</translation>
        </message>
        <message>
            <source>{note} This model sums the gradient over a mini-batch instead of averaging it: for this one image the two agree, but a mini-batch of 128 images steps 128 times as far.</source>
            <translation>{note} 这个模型对小批量内的梯度求和而不是取平均：对这一张图像两者相同，但一个 128 张图像的小批量会让一步走出 128 倍远。</translation>
        </message>
    </context>
    <context>
        <name>BackpropView</name>
        <message>
            <source>Draw on the canvas to see backpropagation in numbers: the loss for a label you pick, each layer's error signal δ and the gradient of any weight.</source>
            <translation>在画布上绘图，即可用数字看清反向传播：你所选标签对应的损失、每一层的误差信号 δ，以及任意一个权重的梯度。</translation>
        </message>
        <message>
            <source>Click a cell, then a cell in the column to its right: the chain rule for the weight between them.</source>
            <translation>单击一个格子，再单击其右侧一列中的一个格子：即可看到两者之间那个权重的链式法则。</translation>
        </message>
        <message>
            <source>Backpropagation for your drawing: pick the true label (or press 0–9), read the loss and each layer's error signal δ, click two cells to follow one weight's gradient.</source>
            <translation>你的绘图的反向传播：选择真实标签（或按 0–9），查看损失和每一层的误差信号 δ；单击两个格子，即可跟踪一个权重的梯度。</translation>
        </message>
        <message>
            <source>True label:</source>
            <translation>真实标签：</translation>
        </message>
        <message>
            <source>Take one step</source>
            <translation>执行一步</translation>
        </message>
        <message>
            <source>One step of plain gradient descent on this drawing alone: every weight w ← w − lr·g with the model's learning rate (no momentum, no weight decay). The model counts as edited until you undo it.</source>
            <translation>只在这张绘图上执行一步普通梯度下降：每个权重 w ← w − lr·g，使用模型的学习率（无动量，无权重衰减）。在撤销之前，模型都算作已编辑。</translation>
        </message>
        <message>
            <source>Undo step</source>
            <translation>撤销步</translation>
        </message>
        <message>
            <source>Put the weights back as they were before the step.</source>
            <translation>把权重恢复为这一步之前的样子。</translation>
        </message>
        <message>
            <source>The chain rule for the weight you picked, with this drawing's numbers. A relative difference near 0 means backpropagation and the slope of the loss agree; near 1, the gradient maths is wrong.</source>
            <translation>你所选权重的链式法则，代入这张绘图的数值。相对差异接近 0 表示反向传播与损失的斜率一致；接近 1 则说明梯度的数学计算有误。</translation>
        </message>
        <message>
            <source>Loss {loss}</source>
            <translation>损失 {loss}</translation>
        </message>
        <message>
            <source>The loss for this drawing with “{name}” as its true label.</source>
            <translation>以“{name}”为真实标签时，这张绘图的损失。</translation>
        </message>
        <message>
            <source>‖δ‖ {norm}</source>
            <translation>‖δ‖ {norm}</translation>
        </message>
        <message>
            <source>Take “{name}” as the true label (key {key})</source>
            <translation>以“{name}”为真实标签（按键 {key}）</translation>
        </message>
        <message>
            <source>Take “{name}” as the true label</source>
            <translation>以“{name}”为真实标签</translation>
        </message>
        <message>
            <source>True label {name}</source>
            <translation>真实标签 {name}</translation>
        </message>
        <message>
            <source>The input as the network receives it, {rows}×{columns} pixels: the aᵢ of the first weights. Click a pixel, then a unit of the next column.</source>
            <translation>网络接收到的输入，{rows}×{columns} 像素：即第一层权重的 aᵢ。单击一个像素，再单击下一列中的一个单元。</translation>
        </message>
        <message>
            <source>Hidden layer {layer}: each unit's error signal δ = ∂L/∂z (blue below 0, orange above); ‖δ‖ is its length. Click a unit, then one in the next column.</source>
            <translation>隐藏层 {layer}：每个单元的误差信号 δ = ∂L/∂z（蓝色小于 0，橙色大于 0）；‖δ‖ 是它的长度。单击一个单元，再单击下一列中的一个单元。</translation>
        </message>
        <message>
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>The output layer's error signal δ = ∂L/∂z, one cell per output unit.</source>
            <translation>输出层的误差信号 δ = ∂L/∂z，每个输出单元一个格子。</translation>
        </message>
        <message>
            <source>{layer} {norm}</source>
            <translation>{layer} {norm}</translation>
        </message>
        <message>
            <source>From {unit}: now click a cell of {layer}.</source>
            <translation>起点为 {unit}：现在单击 {layer} 中的一个格子。</translation>
        </message>
        <message>
            <source>w ← w − lr·g = {w} − {lr} × ({g}) = {stepped} (lr = {lr})</source>
            <translation>w ← w − lr·g = {w} − {lr} × ({g}) = {stepped}（lr = {lr}）</translation>
        </message>
        <message>
            <source>w ← w − lr·g = {w} − {lr} × ({g}) = {stepped} (lr = {lr}, digitpad's default: the model records none)</source>
            <translation>w ← w − lr·g = {w} − {lr} × ({g}) = {stepped}（lr = {lr}，digitpad 的默认值：模型中未记录学习率）</translation>
        </message>
        <message>
            <source>Weight W{layer}[{source}, {target}] from {source_unit} to {target_unit}:</source>
            <translation>从 {source_unit} 到 {target_unit} 的权重 W{layer}[{source}, {target}]：</translation>
        </message>
        <message>
            <source>∂L/∂w = δⱼ × aᵢ = {delta} × {a} = {g}</source>
            <translation>∂L/∂w = δⱼ × aᵢ = {delta} × {a} = {g}</translation>
        </message>
        <message>
            <source>Finite differences: {fd} (relative difference {relative})</source>
            <translation>有限差分：{fd}（相对差异 {relative}）</translation>
        </message>
        <message>
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>input pixel {cell} (row {row}, column {column})</source>
            <translation>输入像素 {cell}（第 {row} 行，第 {column} 列）</translation>
        </message>
        <message>
            <source>output “{name}”</source>
            <translation>输出“{name}”</translation>
        </message>
        <message>
            <source>unit {cell} of {layer}</source>
            <translation>{layer} 的单元 {cell}</translation>
        </message>
        <message>
            <source>hidden {layer}</source>
            <translation>隐藏层 {layer}</translation>
        </message>
        <message>
            <source>After one step: loss {before} → {after}</source>
            <translation>执行一步后：损失 {before} → {after}</translation>
        </message>
        <message>
            <source>output × 10: {before} → {after}</source>
            <translation>输出 × 10：{before} → {after}</translation>
        </message>
        <message>
            <source>“{name}” (the label): {before} → {after}</source>
            <translation>“{name}”（标签）：{before} → {after}</translation>
        </message>
        <message>
            <source>“{name}”: {before} → {after}</source>
            <translation>“{name}”：{before} → {after}</translation>
        </message>
    </context>
    <context>
        <name>BeforeAfter</name>
        <message>
            <source>Before</source>
            <translation>之前</translation>
        </message>
        <message>
            <source>After</source>
            <translation>之后</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>Fine-tuning continued training the model on MNIST's training images mixed with your digits. &lt;b&gt;Your held-out digits&lt;/b&gt; are the quarter of your digits set aside by a fixed rule: it never trains on them, so their accuracy is an honest measure of how well it now reads your handwriting. &lt;b&gt;MNIST test&lt;/b&gt; shows what it may have forgotten of everyone else's.</source>
            <translation>微调会在混入你的数字的 MNIST 训练图像上继续训练模型。&lt;b&gt;你留出的数字&lt;/b&gt;是按固定规则从你的数字中留出的四分之一：模型从不在它们上训练，因此它们上的准确率能如实衡量模型现在认你笔迹的能力。&lt;b&gt;MNIST 测试集&lt;/b&gt;则显示它可能忘掉了多少对其他人笔迹的认识。</translation>
        </message>
        <message>
            <source>Teach it my digits: before and after</source>
            <translation>用我的数字微调：之前与之后</translation>
        </message>
        <message>
            <source>Save tuned model as…</source>
            <translation>微调后的模型另存为…</translation>
        </message>
        <message>
            <source>Save the tuned model to a file (it is the current model now)</source>
            <translation>把微调后的模型保存到文件（它现在就是当前模型）</translation>
        </message>
        <message>
            <source>Back to the model before</source>
            <translation>回到之前的模型</translation>
        </message>
        <message>
            <source>Forget the tuned model and read drawings with the model as it was before (and as it is in its file, if it was saved)</source>
            <translation>丢弃微调后的模型，改用之前的模型识别绘图（如果之前保存过，即文件中的模型）</translation>
        </message>
    </context>
    <context>
        <name>ConfusionMatrix</name>
        <message>
            <source>Confusion matrix on the test set: row = true class, column = the class the network predicted.
Blue diagonal = correct, orange = mistakes (each shaded against its own largest count).
Click a cell to see its images.</source>
            <translation>测试集上的混淆矩阵：行 = 真实类别，列 = 网络预测的类别。
蓝色对角线 = 正确，橙色 = 错误（各自相对于自身的最大计数确定深浅）。
单击一个格子可查看其中的图像。</translation>
        </message>
        <message>
            <source>Share of each true class's test images the network classified correctly; the worst class is orange. The bars start at the percentage written under them.</source>
            <translation>每个真实类别的测试图像中被网络正确分类的比例；最差的类别以橙色显示。条形从其下方标注的百分比开始。</translation>
        </message>
        <message>
            <source>true {true}, predicted {predicted}: {count:,} image</source>
            <translation>真实 {true}，预测 {predicted}：{count:,} 张图像</translation>
        </message>
        <message>
            <source>true {true}, predicted {predicted}: {count:,} images</source>
            <translation>真实 {true}，预测 {predicted}：{count:,} 张图像</translation>
        </message>
        <message>
            <source>true {true}, predicted {predicted}: {count:,} image (correct)</source>
            <translation>真实 {true}，预测 {predicted}：{count:,} 张图像（正确）</translation>
        </message>
        <message>
            <source>true {true}, predicted {predicted}: {count:,} images (correct)</source>
            <translation>真实 {true}，预测 {predicted}：{count:,} 张图像（正确）</translation>
        </message>
        <message>
            <source>Click to see them.</source>
            <translation>单击查看这些图像。</translation>
        </message>
        <message>
            <source>predicted class</source>
            <translation>预测类别</translation>
        </message>
        <message>
            <source>true class</source>
            <translation>真实类别</translation>
        </message>
        <message>
            <source>{name}: no test images</source>
            <translation>{name}：没有测试图像</translation>
        </message>
        <message>
            <source>{name}: {correct:,} of {total:,} correct ({share})</source>
            <translation>{name}：{total:,} 张中正确 {correct:,} 张（{share}）</translation>
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
            <translation>将此绘图作为 {digit} 加入“我的数字”（在画布上按 Ctrl+{digit}）</translation>
        </message>
        <message>
            <source>Draw a digit first: then a click here keeps it in My digits with the digit it really is</source>
            <translation>请先画一个数字：之后单击这里，即可把它连同它真正代表的数字保存到“我的数字”</translation>
        </message>
        <message>
            <source>Correct it — this is a:</source>
            <translation>纠正——这是：</translation>
        </message>
    </context>
    <context>
        <name>CsvFile</name>
        <message>
            <source>{path}: no such file</source>
            <translation>{path}：文件不存在</translation>
        </message>
        <message>
            <source>{file}: cannot read ({reason})</source>
            <translation>{file}：无法读取（{reason}）</translation>
        </message>
        <message>
            <source>{file}: the file is empty</source>
            <translation>{file}：文件为空</translation>
        </message>
        <message>
            <source>{file}: line {line} has {values} comma-separated values but line 1 has {first}</source>
            <translation>{file}：第 {line} 行有 {values} 个逗号分隔的值，而第 1 行有 {first} 个</translation>
        </message>
        <message>
            <source>{file}: {columns} columns; expected {labelled} (a label and {pixels} pixels of a 28×28 image) or {pixels} (pixels only)</source>
            <translation>{file}：有 {columns} 列；应为 {labelled} 列（一个标签加一张 28×28 图像的 {pixels} 个像素）或 {pixels} 列（只有像素）</translation>
        </message>
        <message>
            <source>{file}: has a header line but no images</source>
            <translation>{file}：有表头行，但没有图像</translation>
        </message>
        <message>
            <source>{file}: the label column must come first, found it in column {column}</source>
            <translation>{file}：标签列必须是第一列，但它位于第 {column} 列</translation>
        </message>
        <message>
            <source>{file}: a 'label' column and only {pixels} pixels</source>
            <translation>{file}：有 'label' 列，但只有 {pixels} 个像素</translation>
        </message>
        <message>
            <source>{file}: line {line}, column {column}: {text!r} is not a number</source>
            <translation>{file}：第 {line} 行第 {column} 列：{text!r} 不是数字</translation>
        </message>
        <message>
            <source>{file}: lines {first}-{last} hold something that is not a number</source>
            <translation>{file}：第 {first}-{last} 行含有非数字内容</translation>
        </message>
        <message>
            <source>{file}: line {line}: label {text} is not a digit 0..{high}</source>
            <translation>{file}：第 {line} 行：标签 {text} 不是 0..{high} 的数字</translation>
        </message>
        <message>
            <source>{file}: line {line}, column {column}: pixel value {text} is not a whole number 0..{high}</source>
            <translation>{file}：第 {line} 行第 {column} 列：像素值 {text} 不是 0..{high} 的整数</translation>
        </message>
    </context>
    <context>
        <name>Dataset</name>
        <message>
            <source>{name}: images must be a 2-D uint8 array, got {dtype} {shape}</source>
            <translation>{name}：图像必须是二维 uint8 数组，实际为 {dtype} {shape}</translation>
        </message>
        <message>
            <source>{name}: rows of {values} values do not fit {shape}</source>
            <translation>{name}：每行 {values} 个值与 {shape} 不符</translation>
        </message>
        <message>
            <source>{name}: {labels} labels for {images} images</source>
            <translation>{name}：{images} 张图像却有 {labels} 个标签</translation>
        </message>
        <message>
            <source>{name}: labels must lie in 0..{high}</source>
            <translation>{name}：标签必须在 0..{high} 之内</translation>
        </message>
        <message>
            <source>{name}: pixel values exceed {high}</source>
            <translation>{name}：像素值超过了 {high}</translation>
        </message>
        <message>
            <source>a subset must hold at least one image, got {n}</source>
            <translation>子集必须至少包含一张图像，实际为 {n}</translation>
        </message>
        <message>
            <source>validation share must be in [0, 1), got {fraction}</source>
            <translation>验证集比例必须在 [0, 1) 内，实际为 {fraction}</translation>
        </message>
    </context>
    <context>
        <name>DatasetDialogs</name>
        <message>
            <source>{title} cannot be used yet</source>
            <translation>暂时无法使用 {title}</translation>
        </message>
        <message>
            <source>{title} is not here yet</source>
            <translation>{title} 尚不在本机</translation>
        </message>
        <message>
            <source>{title} is not on this computer yet. Download it (about 12–30 MB, checksums verified) or import files you already have?</source>
            <translation>{title} 尚不在这台计算机上。要下载它（约 12–30 MB，会核对校验和），还是导入你已有的文件？</translation>
        </message>
        <message>
            <source>Download</source>
            <translation>下载</translation>
        </message>
        <message>
            <source>Import files…</source>
            <translation>导入文件…</translation>
        </message>
        <message>
            <source>Import {title} files</source>
            <translation>导入 {title} 文件</translation>
        </message>
        <message>
            <source>Datasets (*.gz *-ubyte *.idx *.csv *.npz);;All files (*)</source>
            <translation>数据集 (*.gz *-ubyte *.idx *.csv *.npz);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>导入失败</translation>
        </message>
        <message>
            <source>Import incomplete</source>
            <translation>导入不完整</translation>
        </message>
        <message>
            <source>Imported, but {title} still lacks some of its four files (train and test images and labels).</source>
            <translation>已导入，但 {title} 的四个文件（训练集和测试集的图像与标签）仍不齐全。</translation>
        </message>
        <message>
            <source>Importing 1 file into {title}…</source>
            <translation>正在将 1 个文件导入 {title}…</translation>
        </message>
        <message numerus="yes">
            <source>Importing %n files into {title}…</source>
            <translation>
                <numerusform>正在将 %n 个文件导入 {title}…</numerusform>
            </translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Downloading {title}…</source>
            <translation>正在下载 {title}…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Download failed</source>
            <translation>下载失败</translation>
        </message>
        <message>
            <source>Downloading {file}… {done:.1f} MB of {total:.1f} MB</source>
            <translation>正在下载 {file}… {done:.1f} MB / {total:.1f} MB</translation>
        </message>
        <message>
            <source>Downloading {file}… {done:.1f} MB</source>
            <translation>正在下载 {file}… {done:.1f} MB</translation>
        </message>
    </context>
    <context>
        <name>Datasets</name>
        <message>
            <source>8×8 digits</source>
            <translation>8×8 数字</translation>
        </message>
        <message>
            <source>My digits</source>
            <translation>我的数字</translation>
        </message>
    </context>
    <context>
        <name>DigitGrid</name>
        <message>
            <source>Held out: never trained on by Teach it my digits, used to measure it honestly</source>
            <translation>留出：“用我的数字微调”从不在其上训练，用于如实衡量效果</translation>
        </message>
        <message>
            <source>{label} — no digits yet</source>
            <translation>{label} —— 还没有数字</translation>
        </message>
        <message>
            <source>{label} — 1 digit, {wrong} misread</source>
            <translation>{label} —— 1 个数字，认错 {wrong} 个</translation>
        </message>
        <message>
            <source>{label} — 1 digit</source>
            <translation>{label} —— 1 个数字</translation>
        </message>
        <message numerus="yes">
            <source>{label} — %n digits, {wrong} misread</source>
            <translation>
                <numerusform>{label} —— %n 个数字，认错 {wrong} 个</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{label} — %n digits</source>
            <translation>
                <numerusform>{label} —— %n 个数字</numerusform>
            </translation>
        </message>
        <message>
            <source>Saved as a {label}</source>
            <translation>已保存为 {label}</translation>
        </message>
        <message>
            <source>Saved as a {label}; the model reads it right</source>
            <translation>已保存为 {label}；模型识别正确</translation>
        </message>
        <message>
            <source>Saved as a {label}; the model reads a {reading}</source>
            <translation>已保存为 {label}；模型识别为 {reading}</translation>
        </message>
    </context>
    <context>
        <name>DigitWords</name>
        <message numerus="yes">
            <source>%n zero</source>
            <translation>
                <numerusform>%n 个 0</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n one</source>
            <translation>
                <numerusform>%n 个 1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n two</source>
            <translation>
                <numerusform>%n 个 2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n three</source>
            <translation>
                <numerusform>%n 个 3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n four</source>
            <translation>
                <numerusform>%n 个 4</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n five</source>
            <translation>
                <numerusform>%n 个 5</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n six</source>
            <translation>
                <numerusform>%n 个 6</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n seven</source>
            <translation>
                <numerusform>%n 个 7</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n eight</source>
            <translation>
                <numerusform>%n 个 8</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nine</source>
            <translation>
                <numerusform>%n 个 9</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n zeros</source>
            <translation>
                <numerusform>%n 个 0</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n ones</source>
            <translation>
                <numerusform>%n 个 1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n twos</source>
            <translation>
                <numerusform>%n 个 2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n threes</source>
            <translation>
                <numerusform>%n 个 3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fours</source>
            <translation>
                <numerusform>%n 个 4</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fives</source>
            <translation>
                <numerusform>%n 个 5</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sixes</source>
            <translation>
                <numerusform>%n 个 6</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sevens</source>
            <translation>
                <numerusform>%n 个 7</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n eights</source>
            <translation>
                <numerusform>%n 个 8</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nines</source>
            <translation>
                <numerusform>%n 个 9</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n digit from {sources} ({per_digit}); My digits now holds {total}.</source>
            <translation>
                <numerusform>已从 {sources} 导入 %n 个数字（{per_digit}）；“我的数字”现有 {total} 个。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n digits from {sources} ({per_digit}); My digits now holds {total}.</source>
            <translation>
                <numerusform>已从 {sources} 导入 %n 个数字（{per_digit}）；“我的数字”现有 {total} 个。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Digits8x8</name>
        <message>
            <source>the bundled {file} cannot be read ({reason}); reinstall digitpad</source>
            <translation>无法读取内置的 {file}（{reason}）；请重新安装 digitpad</translation>
        </message>
        <message>
            <source>the bundled {file} is damaged ({reason}); reinstall digitpad</source>
            <translation>内置的 {file} 已损坏（{reason}）；请重新安装 digitpad</translation>
        </message>
        <message>
            <source>the bundled {file} holds {found} numbers, expected {expected}; reinstall digitpad</source>
            <translation>内置的 {file} 含有 {found} 个数，应为 {expected} 个；请重新安装 digitpad</translation>
        </message>
        <message>
            <source>the bundled {file} has pixel values outside 0..{high}; reinstall digitpad</source>
            <translation>内置的 {file} 中有超出 0..{high} 的像素值；请重新安装 digitpad</translation>
        </message>
    </context>
    <context>
        <name>Doctor</name>
        <message>
            <source>{message} Each update was so large that the weights grew until the numbers overflowed.</source>
            <translation>{message}。每次更新的幅度都太大，权重不断增长，直到数值溢出。</translation>
        </message>
        <message>
            <source>Training blew up (NaN)</source>
            <translation>训练发散（NaN）</translation>
        </message>
        <message>
            <source>The gradient of layer {layer} reached {peak:.3g}, {growth:.3g}× its size on the first batch ({first:.3g}). Each update then throws the weights far off, so the loss jumps instead of falling and units can be knocked out for good.</source>
            <translation>第 {layer} 层的梯度达到 {peak:.3g}，是第一个批量时（{first:.3g}）的 {growth:.3g} 倍。此后每次更新都会把权重甩得很远，于是损失不降反跳，有些单元还可能永久失效。</translation>
        </message>
        <message>
            <source>The gradient of layer {layer} reached {peak:.3g}. Each update then throws the weights far off, so the loss jumps instead of falling and units can be knocked out for good.</source>
            <translation>第 {layer} 层的梯度达到 {peak:.3g}。此后每次更新都会把权重甩得很远，于是损失不降反跳，有些单元还可能永久失效。</translation>
        </message>
        <message>
            <source>Exploding gradients</source>
            <translation>梯度爆炸</translation>
        </message>
        <message>
            <source>The training loss rose from {low:.3g} on the first batch to {latest:.3g} in epoch {last}. Steps that are too large overshoot the bottom of the valley and climb its other side.</source>
            <translation>训练损失从第一个批量时的 {low:.3g} 升到了第 {last} 轮的 {latest:.3g}。步子太大会越过谷底，爬上山谷的另一侧。</translation>
        </message>
        <message>
            <source>The training loss rose from {low:.3g} in epoch {first} to {latest:.3g} in epoch {last}. Steps that are too large overshoot the bottom of the valley and climb its other side.</source>
            <translation>训练损失从第 {first} 轮的 {low:.3g} 升到了第 {last} 轮的 {latest:.3g}。步子太大会越过谷底，爬上山谷的另一侧。</translation>
        </message>
        <message>
            <source>The loss went up</source>
            <translation>损失上升了</translation>
        </message>
        <message>
            <source>Layer {layer} is dead</source>
            <translation>第 {layer} 层已死亡</translation>
        </message>
        <message>
            <source>{share:.0%} of the ReLU units of layer {layer} output 0 for every one of the {probe} probe images. A ReLU that never fires has zero gradient, so it never learns again; with all of them dead no gradient reaches layer {layer} or below, and the output cannot depend on the image.</source>
            <translation>第 {layer} 层有 {share:.0%} 的 ReLU 单元对全部 {probe} 张探测图像都输出 0。从不激活的 ReLU 梯度为零，因此再也不会学习；当它们全部死亡时，没有梯度能到达第 {layer} 层及其以下各层，输出也就无法依赖于图像。</translation>
        </message>
        <message>
            <source>Dead ReLU units</source>
            <translation>死亡 ReLU 单元</translation>
        </message>
        <message>
            <source>{share:.0%} of the ReLU units of layer {layer} output 0 for every one of the {probe} probe images. A ReLU that never fires has zero gradient, so it never learns again; the network learns with the rest, at reduced capacity.</source>
            <translation>第 {layer} 层有 {share:.0%} 的 ReLU 单元对全部 {probe} 张探测图像都输出 0。从不激活的 ReLU 梯度为零，因此再也不会学习；网络只能靠其余单元学习，容量因而降低。</translation>
        </message>
        <message>
            <source>Use He initialisation: with N(0, 0.01²) weights the signal is so small that a slight drift of the biases switches units off.</source>
            <translation>使用 He 初始化：权重取 N(0, 0.01²) 时信号非常小，偏置稍有漂移就会把单元关掉。</translation>
        </message>
        <message>
            <source>A step too large (the loss spiked to {peak:.3g}) pushed these units far negative. {remedy}</source>
            <translation>某一步过大（损失骤升至 {peak:.3g}），把这些单元推到了远低于零的区域。{remedy}</translation>
        </message>
        <message>
            <source>Use leaky ReLU: its small slope below zero keeps a gradient flowing, so a silent unit can come back. A lower learning rate also kills fewer units.</source>
            <translation>使用带泄漏的 ReLU：它在零以下仍有很小的斜率，梯度得以继续流动，沉默的单元就能恢复。降低学习率也能减少死亡的单元。</translation>
        </message>
        <message>
            <source>The gradient reaching layer 1 is {ratio:.1e} of the one at layer {layers} ({first:.2g} against {last:.2g}, median over the last epoch). On the way back each layer multiplies the error by its slope and its weights, so the first layers barely change.</source>
            <translation>到达第 1 层的梯度只有第 {layers} 层的 {ratio:.1e}（{first:.2g} 对 {last:.2g}，取最近一轮的中位数）。反向传播时，每一层都会把误差乘以自身的斜率和权重，因此前面几层几乎不变。</translation>
        </message>
        <message>
            <source>Every layer's gradient is below {tiny:g} (largest {largest:.1e}) while the loss is still {loss:.3g}: the signal shrinks layer after layer on the way in, the error on the way back, and the weights hardly move.</source>
            <translation>每一层的梯度都小于 {tiny:g}（最大为 {largest:.1e}），而损失仍有 {loss:.3g}：前向时信号逐层缩小，反向时误差逐层缩小，权重几乎不动。</translation>
        </message>
        <message>
            <source>Use ReLU with He initialisation: a sigmoid's slope is at most 0.25, so through three or more sigmoid layers the gradient shrinks whatever the initialisation.</source>
            <translation>使用 ReLU 配合 He 初始化：sigmoid 的斜率最大只有 0.25，因此经过三层或更多 sigmoid 层后，无论怎样初始化，梯度都会缩小。</translation>
        </message>
        <message>
            <source>Use {name} initialisation: it scales each layer's weights to its width so signals keep their size, where N(0, 0.01²) shrinks them.</source>
            <translation>使用 {name} 初始化：它按每层的宽度缩放该层权重，使信号保持原有大小，而 N(0, 0.01²) 会让信号缩小。</translation>
        </message>
        <message>
            <source>Vanishing gradients</source>
            <translation>梯度消失</translation>
        </message>
        <message>
            <source>{share:.0%} of the sigmoid outputs of layer {layer} are below 0.01 or above 0.99 on the probe images. There the curve is flat: its slope, and with it the gradient passed back, is nearly 0, so these units learn very slowly.</source>
            <translation>在探测图像上，第 {layer} 层有 {share:.0%} 的 sigmoid 输出低于 0.01 或高于 0.99。曲线在那里是平的：它的斜率，连同传回的梯度，都接近 0，因此这些单元学得非常慢。</translation>
        </message>
        <message>
            <source>{share:.0%} of the {activation} outputs of layer {layer} are beyond ±0.99 on the probe images. There the curve is flat: its slope, and with it the gradient passed back, is nearly 0, so these units learn very slowly.</source>
            <translation>在探测图像上，第 {layer} 层有 {share:.0%} 的 {activation} 输出超出 ±0.99。曲线在那里是平的：它的斜率，连同传回的梯度，都接近 0，因此这些单元学得非常慢。</translation>
        </message>
        <message>
            <source>Use Glorot initialisation: U(−1, 1) weights add up to sums far beyond the sigmoid's working range; Glorot scales them to the layer's width.</source>
            <translation>使用 Glorot 初始化：U(−1, 1) 的权重加起来的和远远超出 sigmoid 的有效工作范围；Glorot 会按层的宽度缩放权重。</translation>
        </message>
        <message>
            <source>Use ReLU, which does not saturate for positive inputs, or lower the learning rate so the weights grow less.</source>
            <translation>使用 ReLU（它对正输入不会饱和），或降低学习率，让权重增长得少一些。</translation>
        </message>
        <message>
            <source>Saturated units</source>
            <translation>饱和单元</translation>
        </message>
        <message>
            <source>Across {probe} probe images the outputs vary by only {std:.4f} on average (a trained network: 0.2–0.3). The network gives every image nearly the same answer (about {share:.2g} for every class): it has learned how often each class occurs and nothing about the images.</source>
            <translation>在 {probe} 张探测图像上，输出的平均变化只有 {std:.4f}（训练好的网络为 0.2–0.3）。网络对每张图像给出的答案几乎相同（每个类别约为 {share:.2g}）：它只学到了每个类别出现的频率，对图像本身一无所知。</translation>
        </message>
        <message>
            <source>Across {probe} probe images the outputs vary by only {std:.4f} on average (a trained network: 0.2–0.3). The network gives every image nearly the same answer: it has learned how often each class occurs and nothing about the images.</source>
            <translation>在 {probe} 张探测图像上，输出的平均变化只有 {std:.4f}（训练好的网络为 0.2–0.3）。网络对每张图像给出的答案几乎相同：它只学到了每个类别出现的频率，对图像本身一无所知。</translation>
        </message>
        <message>
            <source>Same output for every image</source>
            <translation>所有图像的输出都相同</translation>
        </message>
        <message>
            <source>For {epochs} epochs the loss has stayed near ln({n}) ≈ {chance:.3f}, the loss of guessing every class with equal probability (training accuracy {accuracy:.0%}).</source>
            <translation>连续 {epochs} 轮，损失一直停在 ln({n}) ≈ {chance:.3f} 附近，也就是以相等概率猜测每个类别时的损失（训练准确率 {accuracy:.0%}）。</translation>
        </message>
        <message>
            <source>For {epochs} epochs the training accuracy has stayed at {accuracy:.0%}, about what guessing gets ({chance:.0%}).</source>
            <translation>连续 {epochs} 轮，训练准确率一直停在 {accuracy:.0%}，与随机猜测（{chance:.0%}）相差无几。</translation>
        </message>
        <message>
            <source>Stuck at chance</source>
            <translation>停留在随机猜测水平</translation>
        </message>
        <message>
            <source>From epoch {first} to {last} the training loss stayed at {low:.3g}, flat on the loss plot (it began at {start:.3g}), though the learning rate is still {share:.0%} of its starting value.</source>
            <translation>从第 {first} 轮到第 {last} 轮，训练损失一直停在 {low:.3g}，在损失曲线上是一条平线（起始值为 {start:.3g}），而学习率仍有初始值的 {share:.0%}。</translation>
        </message>
        <message>
            <source>From epoch {first} to {last} the training loss stayed between {low:.3g} and {high:.3g}, flat on the loss plot (it began at {start:.3g}), though the learning rate is still {share:.0%} of its starting value.</source>
            <translation>从第 {first} 轮到第 {last} 轮，训练损失一直在 {low:.3g} 与 {high:.3g} 之间，在损失曲线上是一条平线（起始值为 {start:.3g}），而学习率仍有初始值的 {share:.0%}。</translation>
        </message>
        <message>
            <source>The loss has stopped falling</source>
            <translation>损失不再下降</translation>
        </message>
        <message>
            <source>Scale the inputs to 0–1: raw pixel values (up to 255, or 16 for the 8×8 digits) make every weighted sum and every update that much larger.</source>
            <translation>把输入缩放到 0–1：原始像素值（最大 255，8×8 数字则为 16）会让每个加权和与每次更新都相应地放大。</translation>
        </message>
        <message>
            <source>Average the gradient over the batch instead of summing it: a sum makes every step batch-size times larger ({batch} images).</source>
            <translation>对批量内的梯度取平均，而不是求和：求和会让每一步都放大批量大小那么多倍（{batch} 张图像）。</translation>
        </message>
        <message>
            <source>Average the gradient over the batch instead of summing it: a sum makes every step batch-size times larger (all images).</source>
            <translation>对批量内的梯度取平均，而不是求和：求和会让每一步都放大批量大小那么多倍（全部图像）。</translation>
        </message>
        <message>
            <source>Divide the learning rate by 10, from {lr:g} to {new:g}.</source>
            <translation>把学习率除以 10，从 {lr:g} 降到 {new:g}。</translation>
        </message>
        <message>
            <source>Classify instead: one output predicting label/10 must put a 1 between a 0 and a 2, so the net learns to hedge between neighbouring digits. Ten outputs with softmax + cross-entropy do not.</source>
            <translation>改为分类：用一个输出预测标签/10 时，必须把 1 放在 0 和 2 之间，于是网络学会在相邻数字之间含糊其辞。用 softmax + 交叉熵的十个输出则不会这样。</translation>
        </message>
        <message>
            <source>The learning rate {lr:g} is small for {optimizer}: multiply it by 10, to {new:g}.</source>
            <translation>对 {optimizer} 而言，学习率 {lr:g} 偏小：把它乘以 10，改为 {new:g}。</translation>
        </message>
        <message>
            <source>Use ReLU with He initialisation: its slope is 1 wherever it is active, so the error signal reaches every layer at full strength.</source>
            <translation>使用 ReLU 配合 He 初始化：它在激活区域的斜率处处为 1，误差信号能以全部强度到达每一层。</translation>
        </message>
        <message>
            <source>Try more hidden units, or check that the labels belong to the images.</source>
            <translation>尝试增加隐藏单元，或检查标签是否与图像对应。</translation>
        </message>
    </context>
    <context>
        <name>DoctorPanel</name>
        <message>
            <source>problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>initialiser</source>
            <translation>初始化方法</translation>
        </message>
        <message>
            <source>scale inputs</source>
            <translation>缩放输入</translation>
        </message>
        <message>
            <source>sum the gradient</source>
            <translation>梯度求和</translation>
        </message>
        <message>
            <source>output + loss</source>
            <translation>输出 + 损失</translation>
        </message>
        <message>
            <source>hidden layers</source>
            <translation>隐藏层</translation>
        </message>
        <message>
            <source>images</source>
            <translation>图像数</translation>
        </message>
        <message>
            <source>random shift</source>
            <translation>随机平移</translation>
        </message>
        <message>
            <source>batch size</source>
            <translation>批量大小</translation>
        </message>
        <message>
            <source>weight decay</source>
            <translation>权重衰减</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <source>regression</source>
            <translation>回归</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <source>{setting} → {value}</source>
            <translation>{setting} → {value}</translation>
        </message>
        <message>
            <source>on</source>
            <translation>开</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>The training doctor: problems it sees in the current run, why they happen, and what to change.</source>
            <translation>训练诊断：当前运行中发现的问题、问题产生的原因，以及应当修改什么。</translation>
        </message>
        <message>
            <source>&lt;b&gt;No problems seen&lt;/b&gt;&lt;br&gt;While you train, the doctor watches the loss, each layer's gradient size and, after every epoch, how the hidden units respond to a fixed batch of training images. It speaks up about a loss that is flat, rising or stuck at chance, outputs that ignore the image, saturated or dead units, and gradients that vanish or explode.</source>
            <translation>&lt;b&gt;未发现问题&lt;/b&gt;&lt;br&gt;训练期间，训练诊断会监视损失和每一层梯度的大小，并在每轮结束后检查隐藏单元对一组固定训练图像的响应。出现以下情况时它会提示：损失停滞、上升或停留在随机猜测水平，输出与图像无关，单元饱和或死亡，以及梯度消失或梯度爆炸。</translation>
        </message>
        <message>
            <source>The loss plot shades the epochs this card speaks of while the pointer is on it.</source>
            <translation>鼠标指针停在这张卡片上时，损失曲线会以阴影标出它所涉及的轮次。</translation>
        </message>
        <message>
            <source>A problem: training cannot work like this.</source>
            <translation>问题：这样训练无法成功。</translation>
        </message>
        <message>
            <source>A warning: training works, but less well than it could.</source>
            <translation>警告：训练可以进行，但效果不如应有的好。</translation>
        </message>
        <message>
            <source>since epoch {epoch}</source>
            <translation>自第 {epoch} 轮起</translation>
        </message>
        <message>
            <source>layer {layer}</source>
            <translation>第 {layer} 层</translation>
        </message>
        <message>
            <source>&lt;b&gt;What to do:&lt;/b&gt; {suggestion}</source>
            <translation>&lt;b&gt;怎么办：&lt;/b&gt;{suggestion}</translation>
        </message>
        <message>
            <source>Applied ✓</source>
            <translation>已应用 ✓</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <source>Set {change} in the Train tab; the change takes effect on the next run.</source>
            <translation>在“训练”页中设置 {change}；更改将在下次运行时生效。</translation>
        </message>
        <message>
            <source>Applied: {change}.</source>
            <translation>已应用：{change}。</translation>
        </message>
        <message>
            <source>Fix: {change}</source>
            <translation>修正：{change}</translation>
        </message>
        <message>
            <source>epochs {first}–{last}</source>
            <translation>第 {first}–{last} 轮</translation>
        </message>
        <message>
            <source>first batch to epoch {last}</source>
            <translation>第一个批量至第 {last} 轮</translation>
        </message>
    </context>
    <context>
        <name>Download</name>
        <message>
            <source>{file}: not a valid IDX file ({reason})</source>
            <translation>{file}：不是有效的 IDX 文件（{reason}）</translation>
        </message>
        <message>
            <source>{file}: checksum mismatch (md5 {md5} is not the published one)</source>
            <translation>{file}：校验和不符（md5 {md5} 与公布的不同）</translation>
        </message>
        <message>
            <source>could not download {file} of {title}: no mirrors given</source>
            <translation>无法下载 {title} 的 {file}：未提供镜像</translation>
        </message>
        <message>
            <source>could not download {file} of {title}:{reasons}</source>
            <translation>无法下载 {title} 的 {file}：{reasons}</translation>
        </message>
        <message>
            <source>connection dropped after {done} of {total} bytes</source>
            <translation>已传输 {done} / {total} 字节后连接中断</translation>
        </message>
        <message>
            <source>no internet connection (could not reach any mirror of {title}); import files you have with `digitpad data import FILES` or use the bundled 8×8 digits (--dataset digits8x8)</source>
            <translation>没有网络连接（无法访问 {title} 的任何镜像）；可用 `digitpad data import FILES` 导入你已有的文件，或使用自带的 8×8 数字（--dataset digits8x8）</translation>
        </message>
    </context>
    <context>
        <name>DrawingCanvas</name>
        <message>
            <source>Draw a digit</source>
            <translation>画一个数字</translation>
        </message>
        <message>
            <source>{prompt} here.
Left button draws, right button erases.
Ctrl+Z undoes the last stroke, Esc clears the canvas.</source>
            <translation>在这里{prompt}。
左键绘制，右键擦除。
Ctrl+Z 撤销上一笔，Esc 清空画布。</translation>
        </message>
        <message>
            <source>{prompt} here.
Left button draws, right button erases.
Ctrl+Z undoes the last stroke, Esc clears the canvas.

Coloured overlay: red cells push the network towards its top answer (more ink there raises its score), blue cells push away from it.</source>
            <translation>在这里{prompt}。
左键绘制，右键擦除。
Ctrl+Z 撤销上一笔，Esc 清空画布。

彩色叠加层：红色格子把网络推向它的首选答案（在那里多涂墨水会提高它的得分），蓝色格子则把网络推离该答案。</translation>
        </message>
    </context>
    <context>
        <name>DrawingHistoryPlot</name>
        <message>
            <source>Train to see the prediction form, epoch by epoch</source>
            <translation>训练后即可逐轮看到预测如何形成</translation>
        </message>
        <message>
            <source>Draw to see its prediction, epoch by epoch</source>
            <translation>画一个数字，即可逐轮看到它的预测</translation>
        </message>
        <message>
            <source>probability</source>
            <translation>概率</translation>
        </message>
        <message>
            <source>How the network's prediction for your drawing formed during the run: each class's probability
after each epoch, from the weights the network had then. Thick line: the class predicted now;
thin lines: the other classes. A regression model shows its output × 10 instead.
Switched-off units count as off at every epoch. Right-click for the grid and export.</source>
            <translation>在这次运行中，网络对你的绘图的预测是如何形成的：每一轮之后，用网络当时的权重
算出的各类别概率。粗线：当前预测的类别；细线：其他类别。
回归模型则显示其输出 × 10。
被关闭的单元在每一轮都按关闭处理。右键可设置网格和导出。</translation>
        </message>
        <message>
            <source>output × {scale}: {value:.1f}</source>
            <translation>输出 × {scale}：{value:.1f}</translation>
        </message>
        <message>
            <source>{name}: {probability:.0%}</source>
            <translation>{name}：{probability:.0%}</translation>
        </message>
        <message>
            <source>The class predicted after the latest epoch, and its probability then (the thick line).</source>
            <translation>最新一轮之后预测的类别，以及它当时的概率（粗线）。</translation>
        </message>
        <message>
            <source>output × 10</source>
            <translation>输出 × 10</translation>
        </message>
    </context>
    <context>
        <name>DrawingPrediction</name>
        <message>
            <source>the output value</source>
            <translation>输出值</translation>
        </message>
        <message>
            <source>“{name}”</source>
            <translation>“{name}”</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>ONNX export needs the onnx package: pip install 'digitpad[onnx]'</source>
            <translation>导出 ONNX 需要 onnx 包：pip install 'digitpad[onnx]'</translation>
        </message>
        <message>
            <source>cannot write {path}: {error}</source>
            <translation>无法写入 {path}：{error}</translation>
        </message>
        <message>
            <source>a PyTorch script's name ends in .py, not {name!r}</source>
            <translation>PyTorch 脚本的文件名应以 .py 结尾，而不是 {name!r}</translation>
        </message>
        <message>
            <source>the test image has {pixels} pixels; the model reads {inputs}</source>
            <translation>测试图像有 {pixels} 个像素；模型读取 {inputs} 个</translation>
        </message>
        <message>
            <source>cannot write {path} and {weights}: {error}</source>
            <translation>无法写入 {path} 和 {weights}：{error}</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <source>ONNX models (*.onnx);;All files (*)</source>
            <translation>ONNX 模型 (*.onnx);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Python scripts (*.py)</source>
            <translation>Python 脚本 (*.py)</translation>
        </message>
        <message>
            <source>Export as ONNX</source>
            <translation>导出为 ONNX</translation>
        </message>
        <message>
            <source>Exporting {file}…</source>
            <translation>正在导出 {file}…</translation>
        </message>
        <message>
            <source>Cannot check the export</source>
            <translation>无法检查导出结果</translation>
        </message>
        <message>
            <source>Export as a PyTorch script</source>
            <translation>导出为 PyTorch 脚本</translation>
        </message>
        <message>
            <source>Exported {script} and {weights}; python {script} checks it against digitpad (it needs numpy and torch).</source>
            <translation>已导出 {script} 和 {weights}；运行 python {script} 可将其与 digitpad 对照检查（需要 numpy 和 torch）。</translation>
        </message>
        <message>
            <source>Cannot export model</source>
            <translation>无法导出模型</translation>
        </message>
        <message>
            <source>{file} was not written: {error}</source>
            <translation>未写入 {file}：{error}</translation>
        </message>
        <message>
            <source>Exported {file}. onnxruntime is not installed, so it was not run to compare (pip install onnxruntime).</source>
            <translation>已导出 {file}。未安装 onnxruntime，因此没有运行它进行对比（pip install onnxruntime）。</translation>
        </message>
        <message>
            <source>the drawing</source>
            <translation>绘图</translation>
        </message>
        <message>
            <source>Exported {file}; it could not be checked.</source>
            <translation>已导出 {file}；但无法检查它。</translation>
        </message>
        <message>
            <source>{file} was written, but: {error}</source>
            <translation>已写入 {file}，但：{error}</translation>
        </message>
        <message>
            <source>same model</source>
            <translation>模型相同</translation>
        </message>
        <message>
            <source>NOT the same model</source>
            <translation>模型不相同</translation>
        </message>
        <message>
            <source>Exported {file} (a regression: its single output); {verdict}: max difference {difference:.1g} on {subject}.</source>
            <translation>已导出 {file}（回归模型：只有一个输出）；{verdict}：在{subject}上的最大差异为 {difference:.1g}。</translation>
        </message>
        <message>
            <source>Exported {file}; {verdict}: max difference {difference:.1g} on {subject}.</source>
            <translation>已导出 {file}；{verdict}：在{subject}上的最大差异为 {difference:.1g}。</translation>
        </message>
    </context>
    <context>
        <name>Finetune</name>
        <message>
            <source>mix (the share of each epoch that is your digits) must be above 0 and at most {high}, got {mix}</source>
            <translation>mix（每轮中你的数字所占的比例）必须大于 0 且不超过 {high}，实际为 {mix}</translation>
        </message>
        <message>
            <source>mnist_images must be at least 1, got {value}</source>
            <translation>mnist_images 必须至少为 1，实际为 {value}</translation>
        </message>
        <message>
            <source>batch size must be at least 1, got {value}</source>
            <translation>批量大小必须至少为 1，实际为 {value}</translation>
        </message>
        <message>
            <source>{name} holds no digits to learn from; collect some of your own first</source>
            <translation>{name} 中没有可供学习的数字；请先收集一些你自己的数字</translation>
        </message>
        <message>
            <source>{name} has no training images</source>
            <translation>{name} 没有训练图像</translation>
        </message>
        <message>
            <source>{name} has no test images</source>
            <translation>{name} 没有测试图像</translation>
        </message>
        <message>
            <source>My digits are 28×28 handwritten digits; this model reads {height}×{width} digits. Open or train a model on MNIST first</source>
            <translation>“我的数字”是 28×28 的手写数字；此模型读取 {height}×{width} 的数字。请先在 MNIST 上打开或训练一个模型</translation>
        </message>
        <message>
            <source>My digits are the digits 0 to 9; this model tells apart {classes}, … Open or train a model on MNIST first</source>
            <translation>“我的数字”是数字 0 到 9；此模型区分的是 {classes}…… 请先在 MNIST 上打开或训练一个模型</translation>
        </message>
        <message>
            <source>this model predicts one number (a regression on label/10), not a probability for each digit; Teach it my digits needs a model with ten outputs</source>
            <translation>此模型只预测一个数（对标签/10 的回归），而不是每个数字的概率；“用我的数字微调”需要有十个输出的模型</translation>
        </message>
        <message>
            <source>{name} holds {height}×{width} images of {classes}, …; fine-tuning needs 28×28 digits 0 to 9 with pixels 0 to 255, as MNIST's</source>
            <translation>{name} 包含 {classes}…… 的 {height}×{width} 图像；微调需要像 MNIST 那样的 28×28 数字 0 到 9，像素值为 0 到 255</translation>
        </message>
        <message>
            <source>this model multiplies pixels by {scale:g}, which training cannot reproduce (it feeds pixels × 1/{high} or raw)</source>
            <translation>此模型把像素乘以 {scale:g}，训练无法复现这一点（训练时输入为像素 × 1/{high} 或原始值）</translation>
        </message>
    </context>
    <context>
        <name>FinetuneData</name>
        <message>
            <source>{name} has no held-out split: it has too few digits to keep any aside to test on</source>
            <translation>{name} 没有预先留出的测试部分：它的数字太少，无法留出任何数字用于测试</translation>
        </message>
        <message>
            <source>{name} has no held-out split: a stratified {share:.0%} of it ({digits:,} digits, drawn with seed {seed}) is kept aside to test on</source>
            <translation>{name} 没有预先留出的测试部分：将按类别分层留出其中的 {share:.0%}（{digits:,} 个数字，随机种子为 {seed}）用于测试</translation>
        </message>
        <message>
            <source>fine-tuning mixes your digits with MNIST, which is not available: {error}</source>
            <translation>微调会把你的数字与 MNIST 混合，但 MNIST 不可用：{error}</translation>
        </message>
    </context>
    <context>
        <name>FinetuneReport</name>
        <message>
            <source>none held out yet: with more of your digits, a quarter is kept aside to test on, so no honest accuracy on your handwriting can be given</source>
            <translation>尚未留出任何数字：你的数字再多一些时，会留出四分之一用于测试；因此目前无法如实给出你手写数字上的准确率</translation>
        </message>
        <message>
            <source>Your held-out digits (n={n:,})</source>
            <translation>你留出的数字（n={n:,}）</translation>
        </message>
        <message>
            <source>MNIST test ({n:,})</source>
            <translation>MNIST 测试集（{n:,}）</translation>
        </message>
        <message>
            <source>same digit</source>
            <translation>数字未变</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>已改变</translation>
        </message>
        <message>
            <source>This drawing</source>
            <translation>这张绘图</translation>
        </message>
        <message>
            <source>{change:+.1f} points</source>
            <translation>{change:+.1f} 个百分点</translation>
        </message>
        <message>
            <source>{accuracy:.1%}</source>
            <translation>{accuracy:.1%}</translation>
        </message>
        <message>
            <source>{digit} ({probability:.0%})</source>
            <translation>{digit}（{probability:.0%}）</translation>
        </message>
    </context>
    <context>
        <name>Glossary</name>
        <message>
            <source>image</source>
            <translation>图像</translation>
        </message>
        <message>
            <source>One example to learn from or to classify: 28×28 (MNIST) or 8×8 pixels and its label.</source>
            <translation>一个用于学习或分类的样本：28×28（MNIST）或 8×8 像素的图像及其标签。</translation>
        </message>
        <message>
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>One pass over every training image.</source>
            <translation>把每张训练图像都过一遍，即为一轮。</translation>
        </message>
        <message>
            <source>mini-batch</source>
            <translation>小批量</translation>
        </message>
        <message>
            <source>The images one step of gradient descent looks at; the batch size is how many. A full batch is every training image in one step.</source>
            <translation>梯度下降的一步所看的那些图像；批量大小就是其数目。全批量指一步使用全部训练图像。</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步</translation>
        </message>
        <message>
            <source>One update of the weights, after one mini-batch.</source>
            <translation>对权重的一次更新，发生在一个小批量之后。</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>How far one step moves the weights along the gradient.</source>
            <translation>一步沿梯度方向移动权重的距离。</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <source>The rule that turns gradients into steps: SGD, SGD + momentum, Adam.</source>
            <translation>把梯度变成更新步的规则：SGD、SGD + 动量、Adam。</translation>
        </message>
        <message>
            <source>initialiser</source>
            <translation>初始化方法</translation>
        </message>
        <message>
            <source>How the weights are drawn before training (He, Glorot, normal, uniform); drawing them is the initialisation.</source>
            <translation>训练前如何抽取权重（He、Glorot、正态、均匀）；抽取权重的过程就是初始化。</translation>
        </message>
        <message>
            <source>unit</source>
            <translation>单元</translation>
        </message>
        <message>
            <source>One output of a hidden layer: a weighted sum of its inputs through the activation.</source>
            <translation>隐藏层的一个输出：其输入的加权和再经过激活函数。</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <source>The function a hidden unit applies to its sum: ReLU, sigmoid, tanh.</source>
            <translation>隐藏单元作用于其加权和的函数：ReLU、sigmoid、tanh。</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <source>How wrong the network is on the images it was shown; training lowers it.</source>
            <translation>网络在所见图像上错得有多厉害；训练就是要降低它。</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>验证集</translation>
        </message>
        <message>
            <source>Images held out of training to measure the network on images it has not learned.</source>
            <translation>不参与训练而留出的图像，用来衡量网络在没学过的图像上的表现。</translation>
        </message>
        <message>
            <source>gradient</source>
            <translation>梯度</translation>
        </message>
        <message>
            <source>∂L/∂W, how the loss changes with each weight; backpropagation computes it.</source>
            <translation>∂L/∂W，即损失随每个权重的变化率；由反向传播计算。</translation>
        </message>
    </context>
    <context>
        <name>GradCheckView</name>
        <message>
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>weights W: relative error</source>
            <translation>权重 W：相对误差</translation>
        </message>
        <message>
            <source>biases b: relative error</source>
            <translation>偏置 b：相对误差</translation>
        </message>
        <message>
            <source>result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Run gradient check</source>
            <translation>运行梯度检验</translation>
        </message>
        <message>
            <source>Compare backpropagation with numerical derivatives on this model's architecture and the output + loss maths it trained with (a freshly initialised float64 copy, a few sampled weights per array)</source>
            <translation>在这个模型的架构及其训练时所用的输出与损失计算上，将反向传播与数值导数进行比较（使用一个新初始化的 float64 副本，每个数组抽样若干权重）</translation>
        </message>
        <message>
            <source>Relative error ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖) over the sampled entries; a correct backward pass gives about 1e-8, the limit is {tolerance:g}</source>
            <translation>在抽样条目上的相对误差 ‖解析 − 数值‖ / (‖解析‖ + ‖数值‖)；正确的反向传播过程给出的结果约为 1e-8，上限为 {tolerance:g}</translation>
        </message>
        <message>
            <source>A pass means that for every layer the gradient backpropagation computes matches the slope measured by nudging sampled weights up and down (relative error below {tolerance:g}), so the backward pass this model trains with is correct; it says nothing about whether training will succeed.</source>
            <translation>通过表示：对每一层，反向传播计算出的梯度都与把抽样权重上下微调所测得的斜率相符（相对误差低于 {tolerance:g}），因此这个模型训练时所用的反向传播过程是正确的；它并不说明训练能否成功。</translation>
        </message>
        <message>
            <source>Not run yet for {network}.</source>
            <translation>尚未对 {network} 运行。</translation>
        </message>
        <message>
            <source>Checking {network}…</source>
            <translation>正在检验 {network}…</translation>
        </message>
        <message>
            <source>no bias</source>
            <translation>无偏置</translation>
        </message>
        <message>
            <source>✓ pass</source>
            <translation>✓ 通过</translation>
        </message>
        <message>
            <source>✗ FAIL</source>
            <translation>✗ 未通过</translation>
        </message>
        <message>
            <source>Every layer passes for {network}, and the output gradient dL/dz: relative error {output:.2e}: worst relative error {worst:.2e} (tolerance {tolerance:g}).</source>
            <translation>{network} 的每一层都通过，输出梯度 dL/dz 的相对误差为 {output:.2e}：最大相对误差 {worst:.2e}（容差 {tolerance:g}）。</translation>
        </message>
        <message>
            <source>The numbers part at the output: the gradient dL/dz that {head} hands to layer {layer} ({inputs} → {outputs}) is wrong (relative error {output:.2e}), and every layer below inherits the error.</source>
            <translation>数值在输出处就已出现分歧：{head} 交给第 {layer} 层（{inputs} → {outputs}）的梯度 dL/dz 是错的（相对误差 {output:.2e}），下面的每一层都继承了这个错误。</translation>
        </message>
        <message>
            <source>The numbers part at layer {layer} ({inputs} → {outputs}): the output is right, gradient dL/dz: relative error {output:.2e}.</source>
            <translation>数值在第 {layer} 层（{inputs} → {outputs}）出现分歧：输出是对的，梯度 dL/dz 的相对误差为 {output:.2e}。</translation>
        </message>
        <message>
            <source>✗ FAILS for {network}: backpropagation disagrees with the numerical slope (worst relative error {worst:.2e}, tolerance {tolerance:g}). {part}</source>
            <translation>✗ {network} 未通过：反向传播与数值斜率不一致（最大相对误差 {worst:.2e}，容差 {tolerance:g}）。{part}</translation>
        </message>
        <message>
            <source>This model trained with a deliberate lab mistake ({titles}); the check uses the maths it trained with, mistake included.</source>
            <translation>这个模型训练时带有实验室故意设置的错误（{titles}）；检验使用的是它训练时所用的数学计算，包括这个错误。</translation>
        </message>
        <message>
            <source>{head} with the softmax derivative applied twice</source>
            <translation>softmax 导数被重复乘了一次的 {head}</translation>
        </message>
        <message>
            <source>The gradient check could not run: {message}</source>
            <translation>梯度检验无法运行：{message}</translation>
        </message>
    </context>
    <context>
        <name>GradientNormPlot</name>
        <message>
            <source>Size of each dense layer's weight gradient ‖∂L/∂W‖ at every mini-batch, on a log scale.
Curves far apart (layer 1 orders of magnitude below the last) mean vanishing gradients;
curves shooting up mean exploding ones. A gap is a gradient of exactly 0: a dead layer.
Right-click for the grid and export.</source>
            <translation>每个小批量上各全连接层权重梯度的大小 ‖∂L/∂W‖，对数刻度。
曲线相距很远（第 1 层比最后一层低几个数量级）表示梯度消失；
曲线急剧上升表示梯度爆炸。曲线中断处梯度恰好为 0：该层已死亡。
右键可设置网格和导出。</translation>
        </message>
        <message>
            <source>layer {layer}</source>
            <translation>第 {layer} 层</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <source>&lt;b&gt;Draw&lt;/b&gt; on the black canvas with the left mouse button; the right button (or Eraser) erases. Undo takes back a stroke, Clear empties the canvas.</source>
            <translation>用鼠标左键在黑色画布上&lt;b&gt;绘图&lt;/b&gt;；右键（或橡皮擦）用于擦除。撤销可收回一笔，清除会清空画布。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Read the prediction&lt;/b&gt; beside it: one bar per class with the probability the network gives it, the top class large. &lt;i&gt;What the model sees&lt;/i&gt; is your drawing after the same preprocessing as the training images. &lt;i&gt;Show saliency&lt;/i&gt; colours the drawing: red where more ink raises the top class, blue where it lowers it.</source>
            <translation>在旁边&lt;b&gt;查看预测&lt;/b&gt;：每个类别一根条形，显示网络给它的概率，最高的类别以大字显示。&lt;i&gt;模型看到的&lt;/i&gt;是你的绘图经过与训练图像相同的预处理之后的样子。&lt;i&gt;显示显著性&lt;/i&gt;会给绘图着色：红色表示多加墨迹会提高最高类别的概率，蓝色表示会降低。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Train&lt;/b&gt; a network in the &lt;i&gt;Train&lt;/i&gt; tab: pick a preset or set the data, the network and the optimizer, then press Train. The loss and accuracy curves below grow as it learns; the prediction follows the new weights after every epoch.</source>
            <translation>在&lt;i&gt;训练&lt;/i&gt;页中&lt;b&gt;训练&lt;/b&gt;网络：选择一个预设，或设置数据、网络和优化器，然后按“训练”。下方的损失和准确率曲线会随着学习而延伸；每轮结束后，预测都会跟随新的权重更新。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Watch it learn&lt;/b&gt; in the tabs beside the plots: the &lt;i&gt;Doctor&lt;/i&gt; explains problems it sees (a flat loss, dead units, exploding gradients) and can put its fix into the form; &lt;i&gt;Gradients&lt;/i&gt; shows each layer's gradient size; &lt;i&gt;Runs&lt;/i&gt; keeps every run of the session to overlay on the plots.</source>
            <translation>在曲线图旁的各页中&lt;b&gt;观察它学习&lt;/b&gt;：&lt;i&gt;训练诊断&lt;/i&gt;会解释它发现的问题（损失不降、死亡单元、梯度爆炸），并可把修正填入表单；&lt;i&gt;梯度&lt;/i&gt;显示每一层梯度的大小；&lt;i&gt;运行记录&lt;/i&gt;保存本次会话的每次运行，可叠加到曲线图上。</translation>
        </message>
        <message>
            <source>&lt;b&gt;See the network think&lt;/b&gt; in the &lt;i&gt;Network&lt;/i&gt; tab: every layer for your drawing (the input as the network receives it, each hidden unit as a coloured cell, the probabilities), following the drawing and every epoch. Point at a unit to see its numbers, its weights and the test images it responds to most; click to keep it in the panel; &lt;b&gt;Ctrl+click&lt;/b&gt; switches it off (or on again), and its gain scales it: the bars and the test accuracy follow, and the model is marked &lt;i&gt;edited&lt;/i&gt; until Reset edits. Green and red frames mark the units that pushed the predicted class up and down the most. &lt;i&gt;Wide&lt;/i&gt; (Ctrl+E) gives these tabs the whole width; there a plot beside the unit shows your drawing's probabilities after each epoch of the last run.</source>
            <translation>在&lt;i&gt;网络&lt;/i&gt;页中&lt;b&gt;看网络如何思考&lt;/b&gt;：显示你的绘图在每一层的情况（网络接收到的输入、以彩色格子表示的每个隐藏单元、各个概率），并随绘图和每一轮更新。指向一个单元可查看它的数值、权重以及它响应最强的测试图像；单击可将其固定在面板中；&lt;b&gt;Ctrl+单击&lt;/b&gt;可关闭（或重新打开）它，它的增益则用于缩放它：条形和测试准确率会随之变化，模型会被标记为&lt;i&gt;已编辑&lt;/i&gt;，直到单击“重置编辑”为止。绿色和红色边框标出把预测类别推高和压低最多的单元。&lt;i&gt;加宽&lt;/i&gt;（Ctrl+E）让这些页占据整个宽度；此时单元旁的曲线图会显示上一次运行中每轮之后你的绘图的各个概率。</translation>
        </message>
        <message>
            <source>&lt;b&gt;See it learn&lt;/b&gt; in the &lt;i&gt;Backprop&lt;/i&gt; tab: pick the true label (keys 0–9), read the loss and each layer's error signal δ, click a unit and then one in the next column to see that weight's gradient written out with its numbers and checked by finite differences, and take one step of gradient descent on your drawing alone (Undo step takes it back).</source>
            <translation>在&lt;i&gt;反向传播&lt;/i&gt;页中&lt;b&gt;看它如何学习&lt;/b&gt;：选择真实标签（按键 0–9），查看损失和每一层的误差信号 δ；单击一个单元，再单击下一列中的一个单元，即可看到该权重的梯度连同具体数值逐项写出，并用有限差分加以检验；还可以只在你的绘图上执行一步梯度下降（“撤销步”可收回）。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Teach it your handwriting&lt;/b&gt;: when it misreads your drawing, click the right digit in the &lt;i&gt;Correct it&lt;/i&gt; row under the bars (or press &lt;b&gt;Ctrl+0 … Ctrl+9&lt;/b&gt;): the drawing is kept in &lt;i&gt;My digits&lt;/i&gt; (Draw ▸ My digits, Ctrl+D), where you can browse, delete, relabel, import and export them. &lt;i&gt;Look-alikes&lt;/i&gt; shows the training images nearest to your drawing as the network sees it, to explain a misread. Model ▸ Teach it my digits (Ctrl+T) fine-tunes the model on MNIST mixed with your digits and shows the honest before/after: your held-out digits (never trained on) and MNIST's test set, to see what it forgot.</source>
            <translation>&lt;b&gt;教它认你的笔迹&lt;/b&gt;：当它认错你的绘图时，在条形下方的&lt;i&gt;纠正&lt;/i&gt;行中单击正确的数字（或按 &lt;b&gt;Ctrl+0 … Ctrl+9&lt;/b&gt;）：绘图会保存在&lt;i&gt;我的数字&lt;/i&gt;中（“绘图 ▸ 我的数字”，Ctrl+D），你可以在那里浏览、删除、重新标注、导入和导出它们。&lt;i&gt;相似图像&lt;/i&gt;显示在网络眼中与你的绘图最接近的训练图像，用来解释认错的原因。“模型 ▸ 用我的数字微调”（Ctrl+T）会在混入你的数字的 MNIST 上微调模型，并如实显示之前与之后的对比：你留出的数字（从未用于训练）和 MNIST 的测试集，从中可以看出它忘掉了什么。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Learn from mistakes&lt;/b&gt; in the &lt;i&gt;Lab&lt;/i&gt; tab (or the Lab menu): classic failing set-ups, each with a story and the bugs and fixes to tick one at a time.</source>
            <translation>在&lt;i&gt;实验室&lt;/i&gt;页（或“实验室”菜单）中&lt;b&gt;从错误中学习&lt;/b&gt;：一些经典的失败配置，每个都附有说明，以及可以逐个勾选的错误和修正。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Look inside&lt;/b&gt; a trained model (Model menu): the confusion matrix, the test images it gets wrong (double-click one to see it large and draw it on the canvas), the first layer's weights, the hidden units' activations and a gradient check of backpropagation.</source>
            <translation>在“模型”菜单中对已训练的模型&lt;b&gt;查看内部&lt;/b&gt;：混淆矩阵、它认错的测试图像（双击一张可放大查看并将其画到画布上）、第一层的权重、隐藏单元的激活值，以及对反向传播的梯度检验。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Keep a model&lt;/b&gt; with File ▸ Save (a .npz file) and open it again later; Model ▸ Model details lists its settings and history. Nothing is lost in a crash: a run saves its epochs as it goes, and the next start offers to recover its model or resume training exactly where it stopped (&lt;code&gt;digitpad recover&lt;/code&gt; lists them too).</source>
            <translation>&lt;b&gt;保存模型&lt;/b&gt;：用“文件 ▸ 保存”（.npz 文件）保存模型，以后可再打开；“模型 ▸ 模型详情”会列出它的设置和历史。崩溃也不会丢失任何东西：运行过程中会随时保存各轮结果，下次启动时会提供恢复其模型或从中断处准确继续训练的选项（&lt;code&gt;digitpad recover&lt;/code&gt; 也会列出它们）。</translation>
        </message>
        <message>
            <source>How to use digitpad</source>
            <translation>如何使用 digitpad</translation>
        </message>
        <message>
            <source>Words used here</source>
            <translation>术语说明</translation>
        </message>
        <message>
            <source>Shortcuts</source>
            <translation>快捷键</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>cross-entropy</source>
            <translation>交叉熵</translation>
        </message>
        <message>
            <source>binary cross-entropy</source>
            <translation>二元交叉熵</translation>
        </message>
        <message>
            <source>squared error</source>
            <translation>平方误差</translation>
        </message>
        <message>
            <source>unknown loss</source>
            <translation>未知损失</translation>
        </message>
        <message>
            <source>{loss} on label/10</source>
            <translation>基于标签/10 的{loss}</translation>
        </message>
        <message>
            <source>{seconds:.1f} s</source>
            <translation>{seconds:.1f} 秒</translation>
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
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <source>cannot write {path}: {reason}</source>
            <translation>无法写入 {path}：{reason}</translation>
        </message>
    </context>
    <context>
        <name>Idx</name>
        <message>
            <source>{path}: no such file</source>
            <translation>{path}：文件不存在</translation>
        </message>
        <message>
            <source>{file}: cannot read ({reason})</source>
            <translation>{file}：无法读取（{reason}）</translation>
        </message>
        <message>
            <source>{file}: too short to be an IDX file</source>
            <translation>{file}：太短，不可能是 IDX 文件</translation>
        </message>
        <message>
            <source>{file}: not an IDX file of unsigned bytes (magic 0x{magic})</source>
            <translation>{file}：不是无符号字节的 IDX 文件（魔数 0x{magic}）</translation>
        </message>
        <message>
            <source>{file}: header ends before its {ndim} dimensions</source>
            <translation>{file}：文件头在其 {ndim} 个维度之前就结束了</translation>
        </message>
        <message>
            <source>{file}: header claims {dims}, which is far larger than any dataset</source>
            <translation>{file}：文件头声称尺寸为 {dims}，远大于任何数据集</translation>
        </message>
        <message>
            <source>{file}: file is shorter than its header {dims} says</source>
            <translation>{file}：文件比其文件头 {dims} 所示的短</translation>
        </message>
        <message>
            <source>{file}: file is longer than its header {dims} says</source>
            <translation>{file}：文件比其文件头 {dims} 所示的长</translation>
        </message>
    </context>
    <context>
        <name>ImageFile</name>
        <message>
            <source>{path} is a folder, not an image</source>
            <translation>{path} 是文件夹，不是图像</translation>
        </message>
        <message>
            <source>{path}: image is too large ({width}×{height})</source>
            <translation>{path}：图像太大（{width}×{height}）</translation>
        </message>
        <message>
            <source>{path}: cannot read image ({reason})</source>
            <translation>{path}：无法读取图像（{reason}）</translation>
        </message>
    </context>
    <context>
        <name>ImageFolder</name>
        <message>
            <source>{source} is blank (no ink); remove it or draw the digit darker, nothing was imported</source>
            <translation>{source} 是空白的（没有墨迹）；请删除它或把数字画得更深，未导入任何内容</translation>
        </message>
        <message>
            <source>image {index} is blank (no ink); remove it or draw the digit darker, nothing was imported</source>
            <translation>图像 {index} 是空白的（没有墨迹）；请删除它或把数字画得更深，未导入任何内容</translation>
        </message>
        <message>
            <source>{folder}: no such folder</source>
            <translation>{folder}：文件夹不存在</translation>
        </message>
        <message>
            <source>{file}: an ImageFolder holds only subfolders 0 … 9 of images; move this file out of it</source>
            <translation>{file}：ImageFolder 中只能包含存放图像的子文件夹 0 … 9；请把此文件移出去</translation>
        </message>
        <message>
            <source>{folder}: folder {name!r} is not a digit class 0 … 9</source>
            <translation>{folder}：文件夹 {name!r} 不是数字类别 0 … 9</translation>
        </message>
        <message>
            <source>{file}: not a PNG, JPEG, BMP or GIF image; an ImageFolder's class folders hold only images</source>
            <translation>{file}：不是 PNG、JPEG、BMP 或 GIF 图像；ImageFolder 的类别文件夹中只能放图像</translation>
        </message>
        <message>
            <source>{folder}: no images in it; expected subfolders 0 … 9 holding PNG or JPEG files</source>
            <translation>{folder}：其中没有图像；应包含存放 PNG 或 JPEG 文件的子文件夹 0 … 9</translation>
        </message>
        <message>
            <source>{folder} already exists and is not an empty folder; export into a new or empty folder (nothing was written)</source>
            <translation>{folder} 已存在且不是空文件夹；请导出到新的或空的文件夹（未写入任何内容）</translation>
        </message>
        <message>
            <source>{name}: only 28×28 images can be exported, not {shape}</source>
            <translation>{name}：只能导出 28×28 的图像，不能导出 {shape}</translation>
        </message>
    </context>
    <context>
        <name>Importing</name>
        <message>
            <source>--name names a local dataset made from a labelled CSV; it does not go with --dataset</source>
            <translation>--name 用于命名由带标签的 CSV 生成的本地数据集；不能与 --dataset 一起使用</translation>
        </message>
        <message>
            <source>no files to import</source>
            <translation>没有要导入的文件</translation>
        </message>
        <message>
            <source>--name takes one labelled CSV file whose content is not MNIST's or Fashion-MNIST's (such as Kaggle's train.csv)</source>
            <translation>--name 接受一个带标签的 CSV 文件，其内容不是 MNIST 或 Fashion-MNIST 的（例如 Kaggle 的 train.csv）</translation>
        </message>
        <message>
            <source>{file}: cannot make a dataset name from the file's name; give one with --name</source>
            <translation>{file}：无法从文件名生成数据集名称；请用 --name 指定一个</translation>
        </message>
        <message>
            <source>two files would become the local dataset {name!r}; import them one at a time with --name</source>
            <translation>两个文件都会成为本地数据集 {name!r}；请用 --name 一次导入一个</translation>
        </message>
        <message>
            <source>{path}: no such file</source>
            <translation>{path}：文件不存在</translation>
        </message>
        <message>
            <source>{file} has no label column; only labelled CSV files can be imported (Kaggle's test.csv is for `digitpad predict MODEL {file} --submission submission.csv`)</source>
            <translation>{file} 没有标签列；只能导入带标签的 CSV 文件（Kaggle 的 test.csv 用于 `digitpad predict MODEL {file} --submission submission.csv`）</translation>
        </message>
        <message>
            <source>{file}: an IDX file with {ndim} dimensions is neither images nor labels</source>
            <translation>{file}：{ndim} 维的 IDX 文件既不是图像也不是标签</translation>
        </message>
        <message>
            <source>expected a NumPy .npz archive with the keys of mnist.npz ({keys})</source>
            <translation>应为与 mnist.npz 键相同的 NumPy .npz 归档（{keys}）</translation>
        </message>
        <message>
            <source>{file} is empty; {expected}</source>
            <translation>{file} 为空；{expected}</translation>
        </message>
        <message>
            <source>{file} holds a single array, not an archive; {expected}</source>
            <translation>{file} 只包含一个数组，不是归档；{expected}</translation>
        </message>
        <message>
            <source>{file}: no {missing} in it; {expected}</source>
            <translation>{file}：其中没有 {missing}；{expected}</translation>
        </message>
        <message>
            <source>{file}: cannot read it as .npz, it is damaged or not a NumPy archive ({reason}); {expected}</source>
            <translation>{file}：无法作为 .npz 读取，它已损坏或不是 NumPy 归档（{reason}）；{expected}</translation>
        </message>
        <message>
            <source>{source}: expected whole numbers 0..255, got {dtype}</source>
            <translation>{source}：应为 0..255 的整数，实际为 {dtype}</translation>
        </message>
        <message>
            <source>{source}: expected (N, 28, 28) images, got shape {shape}</source>
            <translation>{source}：应为 (N, 28, 28) 的图像，实际形状为 {shape}</translation>
        </message>
        <message>
            <source>{source}: expected (N,) labels, got shape {shape}</source>
            <translation>{source}：应为 (N,) 的标签，实际形状为 {shape}</translation>
        </message>
        <message>
            <source>{source}: labels must lie in 0..9, found {found}</source>
            <translation>{source}：标签必须在 0..9 之内，发现了 {found}</translation>
        </message>
        <message>
            <source>{source} is not one of the known MNIST or Fashion-MNIST files; say which dataset it belongs to (--dataset mnist or --dataset fashion)</source>
            <translation>{source} 不是已知的 MNIST 或 Fashion-MNIST 文件；请说明它属于哪个数据集（--dataset mnist 或 --dataset fashion）</translation>
        </message>
        <message>
            <source>{source}: cannot tell train from test data; put 'train' or 'test' in its name</source>
            <translation>{source}：无法区分是训练数据还是测试数据；请在文件名中加上 'train' 或 'test'</translation>
        </message>
        <message>
            <source>{first} and {second} are both {name} {split} {kind}</source>
            <translation>{first} 和 {second} 都是 {name} 的 {split} {kind}</translation>
        </message>
        <message>
            <source>{images} has {n_images} images but {labels} has {n_labels} labels</source>
            <translation>{images} 有 {n_images} 张图像，但 {labels} 有 {n_labels} 个标签</translation>
        </message>
        <message>
            <source>no files or folders to import</source>
            <translation>没有要导入的文件或文件夹</translation>
        </message>
        <message>
            <source>{path}: no such file or folder</source>
            <translation>{path}：文件或文件夹不存在</translation>
        </message>
        <message>
            <source>{file} is a single image, and a single image has no label; put images in subfolders 0 … 9 (an ImageFolder) and import the folder</source>
            <translation>{file} 是单张图像，而单张图像没有标签；请把图像放进子文件夹 0 … 9（即 ImageFolder），然后导入该文件夹</translation>
        </message>
    </context>
    <context>
        <name>InputPreview</name>
        <message>
            <source>What the model sees after preprocessing: cropped, scaled to 20 px and centred by centre of mass (or reduced to 8×8 for an 8×8 model)</source>
            <translation>模型在预处理后看到的图像：经过裁剪、缩放到 20 像素并按质心居中（8×8 模型则缩小为 8×8）</translation>
        </message>
    </context>
    <context>
        <name>InspectWindow</name>
        <message>
            <source>Confusion</source>
            <translation>混淆矩阵</translation>
        </message>
        <message>
            <source>Mistakes</source>
            <translation>认错的图像</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>Activations</source>
            <translation>激活值</translation>
        </message>
        <message>
            <source>Gradient check</source>
            <translation>梯度检验</translation>
        </message>
        <message>
            <source>Which classes the network confuses with which</source>
            <translation>网络把哪些类别与哪些类别混淆</translation>
        </message>
        <message>
            <source>The test images the network gets wrong</source>
            <translation>网络认错的测试图像</translation>
        </message>
        <message>
            <source>What the first layer's units look for</source>
            <translation>第一层的单元在寻找什么</translation>
        </message>
        <message>
            <source>How the hidden units respond: dead or saturated units</source>
            <translation>隐藏单元如何响应：死亡单元或饱和单元</translation>
        </message>
        <message>
            <source>Is backpropagation right for this model's maths?</source>
            <translation>对这个模型的数学计算而言，反向传播正确吗？</translation>
        </message>
        <message>
            <source>Rows are the true classes, columns what the network predicted. The blue diagonal counts correct answers, orange cells the mistakes. Click a cell to see its images.</source>
            <translation>行是真实类别，列是网络预测的类别。蓝色对角线统计正确的答案，橙色格子统计错误。单击一个格子可查看其中的图像。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Accuracy per class&lt;/b&gt;</source>
            <translation>&lt;b&gt;各类别的准确率&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Looking inside {name}…</source>
            <translation>正在查看 {name} 的内部…</translation>
        </message>
        <message>
            <source>Looking inside the model…</source>
            <translation>正在查看模型的内部…</translation>
        </message>
        <message>
            <source>Cannot look inside</source>
            <translation>无法查看内部</translation>
        </message>
        <message>
            <source>untitled model</source>
            <translation>未命名模型</translation>
        </message>
        <message>
            <source>Inside {title}</source>
            <translation>{title} 的内部</translation>
        </message>
        <message>
            <source>{count:,} mistakes</source>
            <translation>认错 {count:,} 张</translation>
        </message>
        <message>
            <source>&lt;b&gt;{title}&lt;/b&gt; &amp;nbsp;{network} on {images:,} test images of {dataset}: accuracy &lt;b&gt;{accuracy:.2f} %&lt;/b&gt;, loss {loss:.4f}, {mistakes}.</source>
            <translation>&lt;b&gt;{title}&lt;/b&gt; &amp;nbsp;{network} 在 {dataset} 的 {images:,} 张测试图像上：准确率 &lt;b&gt;{accuracy:.2f} %&lt;/b&gt;，损失 {loss:.4f}，{mistakes}。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{title}&lt;/b&gt; &amp;nbsp;{network} on {images:,} test images of the test set: accuracy &lt;b&gt;{accuracy:.2f} %&lt;/b&gt;, loss {loss:.4f}, {mistakes}.</source>
            <translation>&lt;b&gt;{title}&lt;/b&gt; &amp;nbsp;{network} 在测试集的 {images:,} 张测试图像上：准确率 &lt;b&gt;{accuracy:.2f} %&lt;/b&gt;，损失 {loss:.4f}，{mistakes}。</translation>
        </message>
    </context>
    <context>
        <name>Inspection</name>
        <message>
            <source>the test set {name!r} holds no images</source>
            <translation>测试集 {name!r} 中没有图像</translation>
        </message>
        <message>
            <source>the test set's {shape} images do not fit this model, which takes {model_shape} images</source>
            <translation>测试集的图像为 {shape}，与这个模型不匹配，模型接受的是 {model_shape} 的图像</translation>
        </message>
        <message>
            <source>the test set has {classes} classes but the model predicts {model_classes}</source>
            <translation>测试集有 {classes} 个类别，但模型预测的是 {model_classes} 个</translation>
        </message>
    </context>
    <context>
        <name>LabMistakes</name>
        <message>
            <source>Softmax derivative applied twice</source>
            <translation>softmax 导数被重复乘了一次</translation>
        </message>
        <message>
            <source>The gradient of cross-entropy through a softmax is simply p − y: the softmax's own derivative is already folded into it. Multiplying it by the softmax derivative p(1 − p) once more, as code that backpropagates 'layer by layer' often does, scales every error by a number near zero whenever the network is confident, and also when it is confidently wrong: a class predicted with p ≈ 0 that should be 1 gets almost no push. Training crawls or stalls.</source>
            <translation>交叉熵经过 softmax 的梯度就是 p − y：softmax 自身的导数已经包含在其中。如果像“逐层”反向传播的代码常做的那样，再乘一次 softmax 的导数 p(1 − p)，那么只要网络很有把握，每个误差都会被乘上一个接近零的数；网络有把握地犯错时也是如此：一个预测为 p ≈ 0、本应为 1 的类别几乎得不到任何推动。训练变得极其缓慢，甚至停滞。</translation>
        </message>
        <message>
            <source>Images and labels shuffled apart</source>
            <translation>图像与标签被分别打乱</translation>
        </message>
        <message>
            <source>Each epoch shuffles the images, but here only the labels are taken in shuffled order while the images are taken from the unshuffled array. Every image arrives with some other image's label, so the network can learn nothing but how often each class occurs: accuracy stays near 10 %, and the loss sits at that of guessing the class frequencies. Always index X and y with the same shuffled order.</source>
            <translation>每轮都会打乱图像顺序，但这里只有标签按打乱后的顺序取出，图像却取自未打乱的数组。每张图像都带着另一张图像的标签，所以网络除了每个类别出现的频率之外什么也学不到：准确率停在 10% 左右，损失则停在按类别频率猜测时的水平。务必用同一个打乱后的顺序来索引 X 和 y。</translation>
        </message>
        <message>
            <source>unknown mistake {name!r}; known: {known}</source>
            <translation>未知的错误 {name!r}；已知的有：{known}</translation>
        </message>
        <message>
            <source>the softmax derivative mistake needs a softmax + cross-entropy head, not {output} + {loss}</source>
            <translation>softmax 导数错误需要 softmax + 交叉熵输出头，而不是 {output} + {loss}</translation>
        </message>
    </context>
    <context>
        <name>LabPanel</name>
        <message>
            <source>Bugs (tick to fix)</source>
            <translation>错误（勾选即修复）</translation>
        </message>
        <message>
            <source>Deliberate mistakes in this setup. Tick one to remove that bug.</source>
            <translation>此配置中故意设置的错误。勾选一项即可去除该错误。</translation>
        </message>
        <message>
            <source>Fixes (tick to apply)</source>
            <translation>修正（勾选即应用）</translation>
        </message>
        <message>
            <source>Changes that remove a cause of the failure. Tick to apply.</source>
            <translation>能消除失败原因之一的修改。勾选即可应用。</translation>
        </message>
        <message>
            <source>Tuning (tick to apply)</source>
            <translation>调优（勾选即应用）</translation>
        </message>
        <message>
            <source>Settings that are not bugs but still decide the result. Tick to apply.</source>
            <translation>这些设置不是错误，但仍会决定结果。勾选即可应用。</translation>
        </message>
        <message>
            <source>What do you expect to see? Run the failing setup; why it fails is explained here once it has run.</source>
            <translation>你预计会看到什么？先运行失败的配置；运行之后，这里会解释它失败的原因。</translation>
        </message>
        <message>
            <source>Optimizer as in the setup</source>
            <translation>沿用配置中的优化器</translation>
        </message>
        <message>
            <source>Keep the setup's optimizer; or pick one of the alternatives, which exclude each other</source>
            <translation>保留配置中的优化器；或从几种互斥的替代方案中选一种</translation>
        </message>
        <message>
            <source>A complete setup that reproduces a classic way training fails</source>
            <translation>一个完整的配置，重现一种经典的训练失败方式</translation>
        </message>
        <message>
            <source>The setup; what goes wrong and why shows once it has run</source>
            <translation>配置说明；运行之后会显示出了什么问题以及原因</translation>
        </message>
        <message>
            <source>The settings the next run will use, with the ticks as they are now</source>
            <translation>下次运行将使用的设置，按当前的勾选状态</translation>
        </message>
        <message>
            <source>Run failing setup</source>
            <translation>运行失败配置</translation>
        </message>
        <message>
            <source>Untick every fix (every bug back in) and run the setup exactly as it fails</source>
            <translation>取消勾选所有修正（恢复所有错误），完全按失败时的样子运行配置</translation>
        </message>
        <message>
            <source>Run with ticked fixes</source>
            <translation>按所选修正运行</translation>
        </message>
        <message>
            <source>Run with the boxes as they are ticked now</source>
            <translation>按当前勾选的选项运行</translation>
        </message>
        <message>
            <source>Apply all fixes</source>
            <translation>应用全部修正</translation>
        </message>
        <message>
            <source>Tick every fix (of alternatives, the last one) and run</source>
            <translation>勾选所有修正（互斥选项取最后一个）并运行</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Pause or resume the run; takes effect within one batch (F6)</source>
            <translation>暂停或继续运行；在一个批量之内生效（F6）</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Stop the run after the current batch (Shift+F5)</source>
            <translation>在当前批量结束后停止运行（Shift+F5）</translation>
        </message>
        <message>
            <source>Progress of the run: epochs, batches and time left</source>
            <translation>运行进度：轮次、批量和剩余时间</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>bugs in the code: {bugs}</source>
            <translation>代码中的错误：{bugs}</translation>
        </message>
        <message>
            <source>Fix the bug: {bug}</source>
            <translation>修复错误：{bug}</translation>
        </message>
        <message>
            <source>full batch</source>
            <translation>全批量</translation>
        </message>
        <message>
            <source>batches of {size}</source>
            <translation>批量大小 {size}</translation>
        </message>
        <message>
            <source>gradient summed</source>
            <translation>梯度求和</translation>
        </message>
        <message>
            <source>gradient averaged</source>
            <translation>梯度取平均</translation>
        </message>
        <message>
            <source>first {images:,} images of {data}</source>
            <translation>{data} 的前 {images:,} 张图像</translation>
        </message>
        <message>
            <source>all of {data}</source>
            <translation>全部 {data}</translation>
        </message>
        <message>
            <source>hidden {hidden} {activation}</source>
            <translation>隐藏层 {hidden}（{activation}）</translation>
        </message>
        <message>
            <source>1 output = label/10</source>
            <translation>1 个输出 = 标签/10</translation>
        </message>
        <message>
            <source>{init} init</source>
            <translation>{init} 初始化</translation>
        </message>
        <message>
            <source>{init} init, no bias</source>
            <translation>{init} 初始化，无偏置</translation>
        </message>
        <message>
            <source>inputs in [0, 1]</source>
            <translation>输入在 [0, 1] 内</translation>
        </message>
        <message>
            <source>inputs raw</source>
            <translation>原始输入</translation>
        </message>
        <message>
            <source>{optimizer} lr {lr:g}, {batch}, {gradient}</source>
            <translation>{optimizer}，学习率 {lr:g}，{batch}，{gradient}</translation>
        </message>
        <message>
            <source>{epochs:,} epochs</source>
            <translation>{epochs:,} 轮</translation>
        </message>
        <message>
            <source>{share:.0%} held out</source>
            <translation>留出 {share:.0%}</translation>
        </message>
    </context>
    <context>
        <name>LabPresets</name>
        <message>
            <source>preset {preset!r} has no toggle {toggle!r}; choose from {toggles}</source>
            <translation>预设 {preset!r} 没有选项 {toggle!r}；可选：{toggles}</translation>
        </message>
        <message>
            <source>{setup} {reveal}</source>
            <translation>{setup}{reveal}</translation>
        </message>
        <message>
            <source>{title} · failing setup</source>
            <translation>{title} · 失败配置</translation>
        </message>
        <message>
            <source>{title} · all fixes</source>
            <translation>{title} · 全部修正</translation>
        </message>
        <message>
            <source>fixed: {bug}</source>
            <translation>已修正：{bug}</translation>
        </message>
        <message>
            <source>{title} · {choices}</source>
            <translation>{title} · {choices}</translation>
        </message>
        <message>
            <source>scaling the learning rate needs a known number of images per step: set a batch size or a subset</source>
            <translation>按比例缩放学习率需要知道每步的图像数：请设置批量大小或子集</translation>
        </message>
        <message>
            <source>Regression on label/10</source>
            <translation>对标签/10 做回归</translation>
        </message>
        <message>
            <source>a summed gradient saturates the net near 10% accuracy</source>
            <translation>梯度求和使网络饱和，准确率停在 10% 附近</translation>
        </message>
        <message>
            <source>A beginner's digit recogniser: 784 pixels → 250 sigmoid units → one sigmoid output trained to equal label/10, on the first 500 MNIST images, with U(−1, 1) weights, no bias, full-batch gradient descent at lr 0.1 and the gradient summed over the images instead of averaged.</source>
            <translation>一个初学者写的数字识别器：784 个像素 → 250 个 sigmoid 单元 → 一个 sigmoid 输出，训练目标是等于标签/10；使用 MNIST 的前 500 张图像，权重取 U(−1, 1)，无偏置，学习率 0.1 的全批量梯度下降，并且梯度是对各图像求和而非取平均。</translation>
        </message>
        <message>
            <source>Within a few epochs the loss stops moving: over a third of the hidden activations sit in the flat tails of the sigmoid and the output is pinned at 0 or 1 for every image, so accuracy (rounded output × 10 = label) stays near 10%. The cause is the step size: a gradient summed over 500 images is 500 times the average, so lr 0.1 acts like lr 50, and it grows with every image you add. A smaller step stops the blow-up but then crawls (20–35% on the training images after 300–600 epochs, about 20% on the test set), because one output has to squeeze ten classes onto a line.</source>
            <translation>几轮之内损失就不再变化：超过三分之一的隐藏层激活值落在 sigmoid 平坦的两端，输出对每张图像都被钉在 0 或 1，因此准确率（输出 × 10 取整 = 标签）停在 10% 左右。原因在于步长：对 500 张图像求和的梯度是平均值的 500 倍，所以学习率 0.1 的效果相当于学习率 50，而且每多一张图像它还会更大。减小步长能阻止发散，但训练会变得极其缓慢（300–600 轮后训练图像上为 20–35%，测试集上约 20%），因为一个输出必须把十个类别挤到一条直线上。</translation>
        </message>
        <message>
            <source>Average the gradient over the images</source>
            <translation>对各图像的梯度取平均</translation>
        </message>
        <message>
            <source>Divide the summed gradient by the number of images, so the step no longer grows with the batch. The net stops saturating, but one regression output still learns slowly.</source>
            <translation>把求和的梯度除以图像数，步长就不再随批量增大。网络不再饱和，但单个回归输出仍然学得很慢。</translation>
        </message>
        <message>
            <source>Learning rate ÷ images per step</source>
            <translation>学习率 ÷ 每步图像数</translation>
        </message>
        <message>
            <source>The other way to the same fix: keep the summed gradient and divide the learning rate by the images per step (0.1 / 500). It gives exactly the averaged run; once the gradient is averaged it has nothing left to do.</source>
            <translation>达到同样修正的另一种做法：保留求和的梯度，把学习率除以每步的图像数（0.1 / 500）。结果与取平均的运行完全相同；一旦梯度已经取平均，这一项就不再起作用。</translation>
        </message>
        <message>
            <source>Mini-batches of 32</source>
            <translation>大小为 32 的小批量</translation>
        </message>
        <message>
            <source>Update after every 32 images instead of once per pass: many small steps, each with a little noise, instead of one huge one. With a summed gradient each step is also 16 times smaller.</source>
            <translation>每 32 张图像更新一次，而不是每遍数据只更新一次：用许多带少量噪声的小步代替一个巨大的步。在梯度求和时，每一步也缩小为原来的 1/16。</translation>
        </message>
        <message>
            <source>10 softmax outputs + cross-entropy</source>
            <translation>10 个 softmax 输出 + 交叉熵</translation>
        </message>
        <message>
            <source>One output per class with softmax and cross-entropy instead of one number that must hit label/10. The classes no longer need to lie on a line, and the gradient p − y never vanishes on a wrong answer.</source>
            <translation>每个类别一个输出，使用 softmax 和交叉熵，而不是用一个数去命中标签/10。类别不再需要排在一条直线上，而且在答错时梯度 p − y 永远不会消失。</translation>
        </message>
        <message>
            <source>Glorot initialisation</source>
            <translation>Glorot 初始化</translation>
        </message>
        <message>
            <source>Weights drawn with a spread of √(6 / (fan-in + fan-out)) instead of U(−1, 1): a hidden unit then sums 784 inputs to a value near 0, in the sigmoid's steep middle, not its flat tails.</source>
            <translation>权重按 √(6 / (扇入 + 扇出)) 的范围抽取，而不是 U(−1, 1)：这样隐藏单元对 784 个输入求和后得到接近 0 的值，位于 sigmoid 陡峭的中段，而不是平坦的两端。</translation>
        </message>
        <message>
            <source>All 60,000 images, 10 epochs</source>
            <translation>全部 60,000 张图像，10 轮</translation>
        </message>
        <message>
            <source>Train on MNIST's whole training set for 10 epochs. 500 images are too few for 95% whatever the method; pair it with mini-batches, since full-batch descent makes only 10 steps in 10 epochs.</source>
            <translation>在 MNIST 的整个训练集上训练 10 轮。无论用什么方法，500 张图像都太少，达不到 95%；请与小批量一起使用，因为全批量梯度下降在 10 轮中只走 10 步。</translation>
        </message>
        <message>
            <source>Too narrow to learn</source>
            <translation>太窄，学不会</translation>
        </message>
        <message>
            <source>layers of 4 sigmoid units answer 0.10 for every digit</source>
            <translation>每层 4 个 sigmoid 单元，对每个数字都回答 0.10</translation>
        </message>
        <message>
            <source>An 8×8-digits classifier as a learner wrote it: 64 raw pixel values (0–16) → three hidden layers of 4 sigmoid units → 10 sigmoid outputs whose error is a − y, no bias, U(−1, 1) weights, and full-batch gradient descent with lr 0.001 and momentum 0.9 for 3,000 epochs (one step each).</source>
            <translation>一位学习者写的 8×8 数字分类器：64 个原始像素值（0–16）→ 三个各含 4 个 sigmoid 单元的隐藏层 → 10 个 sigmoid 输出，误差取 a − y；无偏置，权重取 U(−1, 1)，使用学习率 0.001、动量 0.9 的全批量梯度下降，训练 3,000 轮（每轮一步）。</translation>
        </message>
        <message>
            <source>At the end every output sits at about 0.10 for every image, the share of each class, and accuracy is no better than chance, about 10%: four units cannot carry a digit through, so the net settles for the class frequencies. The learner's own fix, three layers of 100, reaches about 93%, but on the very images it trained on: int(len(labels*0.8)) multiplies the labels, not the length, so nothing was held out. Tick the fixes one at a time to see which of them matters and which does not.</source>
            <translation>最后，每个输出对每张图像都停在 0.10 左右，即每个类别所占的比例，准确率不比随机猜测好，约为 10%：四个单元无法把一个数字的信息传递下去，于是网络只能退而求其次，学到类别频率。学习者自己的修正是三层各 100 个单元，准确率约 93%，但这是在它训练所用的同一批图像上测得的：int(len(labels*0.8)) 乘的是标签，而不是长度，因此没有留出任何图像。请逐个勾选修正，看看哪些起作用，哪些不起作用。</translation>
        </message>
        <message>
            <source>Three hidden layers of 100</source>
            <translation>三个各含 100 个单元的隐藏层</translation>
        </message>
        <message>
            <source>Widen each hidden layer from 4 to 100 units. Four sigmoid units can pass on little more than four yes/no answers about the image; a hundred can carry the digit.</source>
            <translation>把每个隐藏层从 4 个单元加宽到 100 个。四个 sigmoid 单元关于图像只能传递比四个“是/否”回答多不了多少的信息；一百个单元就能承载这个数字。</translation>
        </message>
        <message>
            <source>Inputs scaled to [0, 1]</source>
            <translation>输入缩放至 [0, 1]</translation>
        </message>
        <message>
            <source>Divide the pixel values (0–16) by 16. Raw values push the first layer's sums far into the sigmoid's flat tails, where its derivative, and so the gradient, is nearly zero.</source>
            <translation>把像素值（0–16）除以 16。原始值会把第一层的加权和远远推进 sigmoid 平坦的两端，那里的导数，因而梯度，几乎为零。</translation>
        </message>
        <message>
            <source>Layers have a bias</source>
            <translation>各层带偏置</translation>
        </message>
        <message>
            <source>Give every layer a bias, so a unit can shift where it switches on instead of always at 0.</source>
            <translation>给每一层加上偏置，使单元可以移动自己开始激活的位置，而不总是在 0 处。</translation>
        </message>
        <message>
            <source>ReLU hidden units</source>
            <translation>ReLU 隐藏单元</translation>
        </message>
        <message>
            <source>Use max(0, z) in the hidden layers. Its slope is 1 wherever it is active, so the gradient does not shrink by σ' ≤ 0.25 at every layer on its way back.</source>
            <translation>在隐藏层中使用 max(0, z)。它在激活区域的斜率处处为 1，因此梯度在反向传播时不会在每一层都乘上 σ' ≤ 0.25 而缩小。</translation>
        </message>
        <message>
            <source>Hold out 20% to measure</source>
            <translation>留出 20% 用于评估</translation>
        </message>
        <message>
            <source>Keep 20% of the images out of training and report accuracy on them. The original code meant to (int(len(labels) * 0.8)) but wrote int(len(labels*0.8)), which is every image.</source>
            <translation>留出 20% 的图像不参与训练，并报告它们上的准确率。原代码本意如此（int(len(labels) * 0.8)），却写成了 int(len(labels*0.8))，结果包含了所有图像。</translation>
        </message>
        <message>
            <source>He initialisation</source>
            <translation>He 初始化</translation>
        </message>
        <message>
            <source>Weights drawn from N(0, 2 / fan-in), the spread that keeps ReLU activations the same size layer after layer. U(−1, 1) makes 100-unit ReLU layers blow the signal up about fourfold per layer.</source>
            <translation>权重从 N(0, 2 / 扇入) 中抽取，这一分布宽度能让 ReLU 激活值逐层保持相同大小。U(−1, 1) 会让 100 个单元的 ReLU 层每层把信号放大约四倍。</translation>
        </message>
        <message>
            <source>Three bugs in softmax training</source>
            <translation>softmax 训练中的三个错误</translation>
        </message>
        <message>
            <source>stuck at chance, and fixing the bugs is not enough</source>
            <translation>停留在随机猜测水平，仅修复错误还不够</translation>
        </message>
        <message>
            <source>A 784-300-300-10 ReLU network with softmax outputs, trained for 5 epochs on Fashion-MNIST (MNIST when Fashion-MNIST is not in the data folder) in batches of 600 with lr 0.001 and N(0, 0.01) weights, carrying three bugs at once: the softmax derivative p(1 − p) multiplied onto the cross-entropy gradient, images taken from the unshuffled array while the labels are shuffled, and pixels left at 0–255.</source>
            <translation>一个 784-300-300-10 的 ReLU 网络，输出为 softmax，在 Fashion-MNIST 上训练 5 轮（数据文件夹中没有 Fashion-MNIST 时用 MNIST），批量大小为 600，学习率 0.001，权重取 N(0, 0.01)，同时带有三个错误：在交叉熵梯度上又乘了 softmax 导数 p(1 − p)；图像取自未打乱的数组，而标签却被打乱；像素保持 0–255 不变。</translation>
        </message>
        <message>
            <source>Accuracy stays at chance, about 10%, and the loss hardly moves. Remove the bugs one at a time: they interact, and with all three gone accuracy is still only about 13%, because weights of 0.01 shrink the signal at every layer and lr 0.001 is too small to recover. The tuning choices, He initialisation and lr 0.1 with momentum or Adam, finish the job.</source>
            <translation>准确率停留在随机猜测水平，约 10%，损失几乎不动。逐个去除这些错误：它们相互影响，而且三个错误全部去除后准确率仍只有约 13%，因为 0.01 的权重会在每一层缩小信号，而学习率 0.001 太小，无法挽回。调优选项，即 He 初始化，以及带动量的学习率 0.1 或 Adam，才能最终解决问题。</translation>
        </message>
        <message>
            <source>softmax derivative p(1 − p) applied twice</source>
            <translation>softmax 导数 p(1 − p) 被重复乘了一次</translation>
        </message>
        <message>
            <source>images unshuffled, labels shuffled</source>
            <translation>图像未打乱，标签被打乱</translation>
        </message>
        <message>
            <source>pixels left at 0–255</source>
            <translation>像素保持 0–255</translation>
        </message>
        <message>
            <source>Pixel values of 0–255 make the first layer's sums hundreds of times larger than with inputs in [0, 1], and its gradient just as large: any learning rate that suits one layer is wrong for the others. Fixing it divides the pixels by 255.</source>
            <translation>像素值为 0–255 时，第一层的加权和比输入在 [0, 1] 内时大数百倍，其梯度也同样大：适合某一层的学习率对其他层都不合适。修复方法是把像素除以 255。</translation>
        </message>
        <message>
            <source>Weights drawn from N(0, 2 / fan-in) instead of N(0, 0.01²): with 784 inputs of about 0.1 each, weights of 0.01 make every layer's output about 30 times smaller than its input, so almost no signal or gradient gets through.</source>
            <translation>权重从 N(0, 2 / 扇入) 而不是 N(0, 0.01²) 中抽取：784 个输入各约为 0.1 时，0.01 的权重会让每一层的输出比输入小约 30 倍，几乎没有信号或梯度能通过。</translation>
        </message>
        <message>
            <source>lr 0.1 with momentum 0.9</source>
            <translation>学习率 0.1，动量 0.9</translation>
        </message>
        <message>
            <source>A hundred times the learning rate, with momentum to smooth the steps: lr 0.001 with plain SGD moves the weights too little in 5 epochs.</source>
            <translation>学习率提高一百倍，并用动量平滑各步：使用普通 SGD 时，学习率 0.001 在 5 轮内让权重移动得太少。</translation>
        </message>
        <message>
            <source>Adam (lr 0.001)</source>
            <translation>Adam（学习率 0.001）</translation>
        </message>
        <message>
            <source>Adam scales each weight's step by its own gradient history, so the tiny gradients of a badly initialised net still move it.</source>
            <translation>Adam 按每个权重自身的梯度历史来缩放其步长，因此即使网络初始化得很糟、梯度极小，也仍能让它动起来。</translation>
        </message>
        <message>
            <source>unknown lab preset {name!r}; choose one of {presets}</source>
            <translation>未知的实验室预设 {name!r}；请从 {presets} 中选择一个</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>digitpad will be shown in {language} from its next start.</source>
            <translation>digitpad 将从下次启动起以{language}显示。</translation>
        </message>
        <message>
            <source>&amp;Restart now</source>
            <translation>立即重启(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>稍后(&amp;L)</translation>
        </message>
        <message>
            <source>digitpad could not start again by itself; start it as usual.</source>
            <translation>digitpad 无法自动重新启动；请像平常一样启动它。</translation>
        </message>
        <message>
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Follow the system's language (LANG)</source>
            <translation>跟随系统语言（LANG）</translation>
        </message>
    </context>
    <context>
        <name>Lists</name>
        <message>
            <source>, </source>
            <comment>between the items of a list</comment>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>Loading</name>
        <message>
            <source>split must be 'train' or 'test', got {split!r}</source>
            <translation>split 必须是 'train' 或 'test'，实际为 {split!r}</translation>
        </message>
        <message>
            <source>{title} {split} data is missing ({files} not in {folder}); get it with `digitpad data download {name}` or `digitpad data import FILES`</source>
            <translation>{title} 的 {split} 数据缺失（{folder} 中没有 {files}）；请用 `digitpad data download {name}` 或 `digitpad data import FILES` 获取</translation>
        </message>
        <message>
            <source>{error}; get it again with `digitpad data download {name}`</source>
            <translation>{error}；请用 `digitpad data download {name}` 重新获取</translation>
        </message>
        <message>
            <source>{source!r} is neither a dataset ({names}) nor an existing file or folder</source>
            <translation>{source!r} 既不是数据集（{names}），也不是已存在的文件或文件夹</translation>
        </message>
        <message>
            <source>{file} has no label column; only labelled CSV files can be trained on</source>
            <translation>{file} 没有标签列；只能用带标签的 CSV 文件进行训练</translation>
        </message>
        <message>
            <source>{file}: cannot tell where its labels are; use the standard names (train-images-idx3-ubyte with train-labels-idx1-ubyte beside it)</source>
            <translation>{file}：无法判断其标签在哪里；请使用标准文件名（train-images-idx3-ubyte，并在旁边放 train-labels-idx1-ubyte）</translation>
        </message>
        <message>
            <source>{name}: expected 28×28 images, got an array of shape {shape}</source>
            <translation>{name}：应为 28×28 的图像，实际为形状为 {shape} 的数组</translation>
        </message>
        <message>
            <source>{name}: {shape} labels do not match {images} images</source>
            <translation>{name}：形状为 {shape} 的标签与 {images} 张图像不匹配</translation>
        </message>
        <message>
            <source>{name} holds no images</source>
            <translation>{name} 中没有图像</translation>
        </message>
        <message>
            <source>{title} has no held-out (test) digits among its {digits}: one digit in four, chosen by its id, is held out for testing; add more digits</source>
            <translation>{title} 的 {digits} 个数字中没有留出的（测试）数字：按编号每四个数字留出一个用于测试；请添加更多数字</translation>
        </message>
        <message>
            <source>{title} has no training digits among its {digits}: one digit in four, chosen by its id, is held out for testing; add more digits</source>
            <translation>{title} 的 {digits} 个数字中没有训练用的数字：按编号每四个数字留出一个用于测试；请添加更多数字</translation>
        </message>
    </context>
    <context>
        <name>LocalDatasets</name>
        <message>
            <source>a stratified 1/7 held out as test with seed {seed}</source>
            <translation>按类别分层留出 1/7 作为测试集，随机种子为 {seed}</translation>
        </message>
        <message>
            <source>1/7 held out as test with seed {seed}</source>
            <translation>留出 1/7 作为测试集，随机种子为 {seed}</translation>
        </message>
        <message>
            <source>a stratified {share:.1%} held out as test with seed {seed}</source>
            <translation>按类别分层留出 {share:.1%} 作为测试集，随机种子为 {seed}</translation>
        </message>
        <message>
            <source>{share:.1%} held out as test with seed {seed}</source>
            <translation>留出 {share:.1%} 作为测试集，随机种子为 {seed}</translation>
        </message>
        <message>
            <source>the name {name!r} is taken by {title}; give the local dataset another with --name</source>
            <translation>名称 {name!r} 已被 {title} 占用；请用 --name 给本地数据集另取一个名称</translation>
        </message>
        <message>
            <source>{name!r} cannot name a local dataset: use up to {most} lowercase letters, digits and '-' (not first or last), e.g. --name kaggle-train</source>
            <translation>{name!r} 不能用作本地数据集的名称：最多使用 {most} 个小写字母、数字和 '-'（'-' 不能在开头或结尾），例如 --name kaggle-train</translation>
        </message>
        <message>
            <source>there is no local dataset {name!r} in {folder}</source>
            <translation>{folder} 中没有本地数据集 {name!r}</translation>
        </message>
        <message>
            <source>{path}: cannot read it as a local dataset ({reason}); import the file again</source>
            <translation>{path}：无法作为本地数据集读取（{reason}）；请重新导入该文件</translation>
        </message>
        <message>
            <source>{folder}: the {split} split holds {images} images and {labels} labels, not the {recorded} its {record} records; import the file again</source>
            <translation>{folder}：{split} 部分含有 {images} 张图像和 {labels} 个标签，而不是其 {record} 中记录的 {recorded}；请重新导入该文件</translation>
        </message>
        <message>
            <source>a local dataset {name!r} already exists (from {source}, another file); give this one another name with --name, or remove the old one first (delete the folder {folder})</source>
            <translation>本地数据集 {name!r} 已存在（来自另一个文件 {source}）；请用 --name 给这个数据集另取一个名称，或先删除旧的数据集（删除文件夹 {folder}）</translation>
        </message>
        <message>
            <source>{folder} already exists and is not a local dataset; give another name with --name</source>
            <translation>{folder} 已存在，且不是本地数据集；请用 --name 另取一个名称</translation>
        </message>
        <message>
            <source>{source}: {images} images are too few to hold out a test split (1/7 of each digit)</source>
            <translation>{source}：{images} 张图像太少，无法留出测试部分（每个数字的 1/7）</translation>
        </message>
    </context>
    <context>
        <name>LookAlikes</name>
        <message>
            <source>Draw something: the training images that look most like it appear here.</source>
            <translation>画点什么：与它最相像的训练图像会显示在这里。</translation>
        </message>
        <message>
            <source>The look-alikes come when the training has ended: the network changes with every epoch.</source>
            <translation>训练结束后才会显示相似图像：网络在每一轮都会变化。</translation>
        </message>
        <message>
            <source>Passing the training images through the network to find the nearest ones…</source>
            <translation>正在让训练图像通过网络，以找出最接近的图像…</translation>
        </message>
        <message>
            <source>This model does not say which images it was trained on, so there are no training images to compare your drawing with.</source>
            <translation>这个模型没有说明它是在哪些图像上训练的，因此没有可与你的绘图比较的训练图像。</translation>
        </message>
        <message>
            <source>The {title} training images are not on this computer, so there are no look-alikes to show. Training a model on {title} offers to download them, as does `digitpad data download {source}` in a terminal.</source>
            <translation>{title} 的训练图像不在这台计算机上，因此没有可显示的相似图像。在 {title} 上训练模型时会提供下载，也可以在终端中运行 `digitpad data download {source}`。</translation>
        </message>
        <message>
            <source>Passing the training images through the network to find the nearest ones… {share:.0%}</source>
            <translation>正在让训练图像通过网络，以找出最接近的图像… {share:.0%}</translation>
        </message>
        <message>
            <source>No look-alikes: {error}</source>
            <translation>没有相似图像：{error}</translation>
        </message>
    </context>
    <context>
        <name>LookAlikesView</name>
        <message>
            <source>Nearest training images as the network sees them (last hidden layer)</source>
            <translation>网络眼中最接近的训练图像（最后一个隐藏层）</translation>
        </message>
        <message>
            <source>Nearest in pixel space</source>
            <translation>像素空间中最接近的图像</translation>
        </message>
        <message>
            <source>This network has no hidden layer: its look-alikes are in pixel space only.</source>
            <translation>这个网络没有隐藏层：它的相似图像只在像素空间中。</translation>
        </message>
        <message>
            <source>This model reads a number, not a class: the labels are the training images’ digits, and the digit its output ×10 rounds to is marked.</source>
            <translation>这个模型读出的是一个数，而不是类别：标签是训练图像的数字，并标出了它的输出 ×10 四舍五入后得到的数字。</translation>
        </message>
        <message>
            <source>The training images whose last hidden layer outputs lie nearest to your drawing’s (Euclidean): the images the network treats most like it, since its output layer reads only that layer.</source>
            <translation>最后一个隐藏层的输出与你的绘图最接近（欧氏距离）的训练图像：即网络对待得最像你的绘图的图像，因为它的输出层只读取这一层。</translation>
        </message>
        <message>
            <source>The training images nearest to your drawing pixel by pixel (Euclidean), after the same preprocessing the network sees: what your drawing looks like, before any learning.</source>
            <translation>在经过网络所见的同样预处理之后，逐像素与你的绘图最接近（欧氏距离）的训练图像：即在任何学习之前，你的绘图看起来像什么。</translation>
        </message>
        <message>
            <source>{name}s</source>
            <translation>“{name}”</translation>
        </message>
        <message>
            <source>labelled “{name}”</source>
            <translation>标签为“{name}”的图像</translation>
        </message>
        <message>
            <source>an {name}</source>
            <translation>“{name}”</translation>
        </message>
        <message>
            <source>a {name}</source>
            <translation>“{name}”</translation>
        </message>
        <message>
            <source>in the hidden layer</source>
            <translation>在隐藏层中</translation>
        </message>
        <message>
            <source>in pixel space</source>
            <translation>在像素空间中</translation>
        </message>
        <message>
            <source>Its output ×10 rounds to {predicted}.</source>
            <translation>它的输出 ×10 四舍五入为 {predicted}。</translation>
        </message>
        <message>
            <source>It reads your drawing as {one}.</source>
            <translation>它把你的绘图识别为{one}。</translation>
        </message>
        <message>
            <source>its output ×10 rounds to {predicted}</source>
            <translation>它的输出 ×10 四舍五入为 {predicted}</translation>
        </message>
        <message>
            <source>it reads your drawing as {one}</source>
            <translation>它把你的绘图识别为{one}</translation>
        </message>
        <message numerus="yes">
            <source>{same} of its %n nearest neighbours {where} are {kind}: {reading}.</source>
            <translation>
                <numerusform>{where}，它的 %n 个最近邻中有 {same} 个是{kind}：{reading}。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Only {same} of its %n nearest neighbours {where} are {kind}, yet {reading}; {most} are {other}.</source>
            <translation>
                <numerusform>{where}，它的 %n 个最近邻中只有 {same} 个是{kind}，但{reading}；其中 {most} 个是{other}。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>None of its %n nearest neighbours {where} are {kind}, yet {reading}; {most} are {other}.</source>
            <translation>
                <numerusform>{where}，它的 %n 个最近邻中没有一个是{kind}，但{reading}；其中 {most} 个是{other}。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Only {same} of its %n nearest neighbours {where} are {kind}, yet {reading}.</source>
            <translation>
                <numerusform>{where}，它的 %n 个最近邻中只有 {same} 个是{kind}，但{reading}。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>None of its %n nearest neighbours {where} are {kind}, yet {reading}.</source>
            <translation>
                <numerusform>{where}，它的 %n 个最近邻中没有一个是{kind}，但{reading}。</numerusform>
            </translation>
        </message>
        <message>
            <source>{caption}: {tip}</source>
            <translation>{caption}：{tip}</translation>
        </message>
        <message>
            <source>Training image {index:,}, labelled {name}: distance {distance:.3g} in the last hidden layer. Click to put it on the canvas.</source>
            <translation>训练图像 {index:,}，标签为 {name}：在最后一个隐藏层中的距离为 {distance:.3g}。单击可将其放到画布上。</translation>
        </message>
        <message>
            <source>Training image {index:,}, labelled {name}: distance {distance:.3g} in pixel space. Click to put it on the canvas.</source>
            <translation>训练图像 {index:,}，标签为 {name}：在像素空间中的距离为 {distance:.3g}。单击可将其放到画布上。</translation>
        </message>
        <message>
            <source>training image {index:,} (labelled {name})</source>
            <translation>训练图像 {index:,}（标签为 {name}）</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Runs are not recorded: {error}</source>
            <translation>未记录运行：{error}</translation>
        </message>
        <message>
            <source>The model that reads your drawing (Model ▸ Model details… for more)</source>
            <translation>识别你的绘图所用的模型（详见“模型 ▸ 模型详情…”）</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>Lab</source>
            <translation>实验室</translation>
        </message>
        <message>
            <source>Doctor</source>
            <translation>训练诊断</translation>
        </message>
        <message>
            <source>Gradients</source>
            <translation>梯度</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>Backprop</source>
            <translation>反向传播</translation>
        </message>
        <message>
            <source>Look-alikes</source>
            <translation>相似图像</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>运行记录</translation>
        </message>
        <message>
            <source>Wide</source>
            <translation>加宽</translation>
        </message>
        <message>
            <source>Give these tabs the whole width and more height (Ctrl+E); again to bring the plots back</source>
            <translation>让这些页占据整个宽度并增加高度（Ctrl+E）；再按一次恢复曲线图</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Clear the canvas (Esc)</source>
            <translation>清空画布（Esc）</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Undo the last stroke (Ctrl+Z)</source>
            <translation>撤销上一笔（Ctrl+Z）</translation>
        </message>
        <message>
            <source>Eraser</source>
            <translation>橡皮擦</translation>
        </message>
        <message>
            <source>Left button erases while on (E); the right button always erases</source>
            <translation>开启时左键擦除（E）；右键始终擦除</translation>
        </message>
        <message>
            <source>Prediction</source>
            <translation>预测</translation>
        </message>
        <message>
            <source>What the model sees:</source>
            <translation>模型看到的：</translation>
        </message>
        <message>
            <source>{name} (edited)</source>
            <translation>{name}（已编辑）</translation>
        </message>
        <message>
            <source>{name}[*] — digitpad</source>
            <translation>{name}[*] — digitpad</translation>
        </message>
        <message>
            <source>A step on the drawing can be taken once the training has ended.</source>
            <translation>训练结束后才能在绘图上执行一步。</translation>
        </message>
        <message>
            <source>The step can be taken back once the training has ended.</source>
            <translation>训练结束后才能收回这一步。</translation>
        </message>
        <message>
            <source>No test set</source>
            <translation>没有测试集</translation>
        </message>
        <message>
            <source>Looking inside needs the test images of {dataset}, which are not on this computer. Train or download the dataset first.</source>
            <translation>查看内部需要 {dataset} 的测试图像，但它们不在这台计算机上。请先训练或下载该数据集。</translation>
        </message>
        <message>
            <source>the model’s dataset</source>
            <translation>模型的数据集</translation>
        </message>
        <message>
            <source>On the canvas: {caption}. Draw over it or erase parts and watch the answer change; Ctrl+Z brings back your drawing.</source>
            <translation>画布上：{caption}。可在上面继续画或擦掉部分，观察答案如何变化；Ctrl+Z 可恢复你的绘图。</translation>
        </message>
        <message>
            <source>About digitpad</source>
            <translation>关于 digitpad</translation>
        </message>
        <message>
            <source>&lt;b&gt;digitpad&lt;/b&gt; — draw digits, train a neural network written in NumPy, and watch it learn.</source>
            <translation>&lt;b&gt;digitpad&lt;/b&gt; —— 画数字，训练一个用 NumPy 编写的神经网络，并观察它如何学习。</translation>
        </message>
        <message>
            <source>The saved training settings were unreadable; defaults are used.</source>
            <translation>保存的训练设置无法读取；已使用默认设置。</translation>
        </message>
        <message>
            <source>Training is running</source>
            <translation>正在训练</translation>
        </message>
        <message>
            <source>Stop training and quit? The epochs trained so far are kept: the next start offers to resume the run.</source>
            <translation>停止训练并退出吗？已训练的轮次会保留：下次启动时可以继续这次运行。</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;ONNX…</source>
            <translation>ONNX(&amp;O)…</translation>
        </message>
        <message>
            <source>The model as an ONNX file (input pixels, output probabilities), checked against digitpad</source>
            <translation>将模型导出为 ONNX 文件（输入像素，输出概率），并与 digitpad 对照检查</translation>
        </message>
        <message>
            <source>&amp;PyTorch script…</source>
            <translation>PyTorch 脚本(&amp;P)…</translation>
        </message>
        <message>
            <source>A standalone script that builds the same torch.nn.Sequential and checks itself on the drawing</source>
            <translation>一个独立脚本，构建相同的 torch.nn.Sequential，并在当前绘图上自我检查</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New model</source>
            <translation>新建模型(&amp;N)</translation>
        </message>
        <message>
            <source>An untrained network with the current settings</source>
            <translation>使用当前设置的未训练网络</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save &amp;as…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Draw</source>
            <translation>绘图(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Undo stroke</source>
            <translation>撤销一笔(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Clear</source>
            <translation>清除(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Eraser</source>
            <translation>橡皮擦(&amp;E)</translation>
        </message>
        <message>
            <source>Show &amp;saliency</source>
            <translation>显示显著性(&amp;S)</translation>
        </message>
        <message>
            <source>Colour the drawing by how each pixel pushes the top class: red raises it, blue lowers it</source>
            <translation>按每个像素对最高类别的推动作用给绘图着色：红色表示提高，蓝色表示降低</translation>
        </message>
        <message>
            <source>&amp;My digits…</source>
            <translation>我的数字(&amp;M)…</translation>
        </message>
        <message>
            <source>Your own digits kept with Correct it (Ctrl+0 … Ctrl+9): the model's reading of each, delete, relabel, import and export</source>
            <translation>你用“纠正”（Ctrl+0 … Ctrl+9）保存的数字：查看模型对每个数字的识别结果，删除、重新标注、导入和导出</translation>
        </message>
        <message>
            <source>&amp;Training</source>
            <translation>训练(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>训练(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Pause / resume</source>
            <translation>暂停/继续(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>停止(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Lab</source>
            <translation>实验室(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <source>Model &amp;details…</source>
            <translation>模型详情(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Look inside…</source>
            <translation>查看内部(&amp;L)…</translation>
        </message>
        <message>
            <source>Confusion matrix, mistakes, first-layer weights, activations and a gradient check on the model's test set</source>
            <translation>在模型的测试集上查看混淆矩阵、认错的图像、第一层权重、激活值以及梯度检验</translation>
        </message>
        <message>
            <source>&amp;Teach it my digits…</source>
            <translation>用我的数字微调(&amp;T)…</translation>
        </message>
        <message>
            <source>Fine-tune the model on MNIST mixed with My digits, and see the honest before/after: your held-out digits, MNIST's test set, this drawing</source>
            <translation>在混入“我的数字”的 MNIST 上微调模型，并如实查看之前与之后的对比：你留出的数字、MNIST 的测试集、当前绘图</translation>
        </message>
        <message>
            <source>&amp;Wide tabs beside the plots</source>
            <translation>加宽曲线图旁的页(&amp;W)</translation>
        </message>
        <message>
            <source>Give the Network, Backprop and other tabs the whole width and more height (again: back)</source>
            <translation>让“网络”“反向传播”等页占据整个宽度并增加高度（再选一次：恢复）</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;How to use digitpad</source>
            <translation>如何使用 digitpad(&amp;H)</translation>
        </message>
        <message>
            <source>The main steps, what each view shows, and every shortcut</source>
            <translation>主要步骤、每个视图显示的内容以及全部快捷键</translation>
        </message>
        <message>
            <source>&amp;About digitpad</source>
            <translation>关于 digitpad(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>MistakeDialog</name>
        <message>
            <source>The probabilities the network gave this test image, as the main window's bars show a drawing's</source>
            <translation>网络给这张测试图像的各个概率，与主窗口的条形显示绘图概率的方式相同</translation>
        </message>
        <message>
            <source>Draw on the canvas</source>
            <translation>画到画布上</translation>
        </message>
        <message>
            <source>Put this image on the main window's canvas: change it with the brush and the eraser and watch the probabilities move</source>
            <translation>把这张图像放到主窗口的画布上：用画笔和橡皮擦修改它，观察概率如何变化</translation>
        </message>
        <message>
            <source>correct</source>
            <translation>正确</translation>
        </message>
        <message>
            <source>wrong</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>predicted: &lt;b&gt;{predicted}&lt;/b&gt; ({verdict}), the digit its one output ×10 rounds to; a regression gives no class probabilities</source>
            <translation>预测：&lt;b&gt;{predicted}&lt;/b&gt;（{verdict}），即它唯一的输出 ×10 四舍五入后得到的数字；回归不给出类别概率</translation>
        </message>
        <message>
            <source>predicted: &lt;b&gt;{predicted}&lt;/b&gt; with {probability} ({verdict})&lt;br&gt;probability of the true class: {true_probability}</source>
            <translation>预测：&lt;b&gt;{predicted}&lt;/b&gt;，概率 {probability}（{verdict}）&lt;br&gt;真实类别的概率：{true_probability}</translation>
        </message>
        <message>
            <source>&lt;b&gt;Test image {index:,}&lt;/b&gt;&lt;br&gt;true class: &lt;b&gt;{true}&lt;/b&gt;&lt;br&gt;{answer}</source>
            <translation>&lt;b&gt;测试图像 {index:,}&lt;/b&gt;&lt;br&gt;真实类别：&lt;b&gt;{true}&lt;/b&gt;&lt;br&gt;{answer}</translation>
        </message>
        <message>
            <source>test image {index:,} (true class {true})</source>
            <translation>测试图像 {index:,}（真实类别 {true}）</translation>
        </message>
        <message>
            <source>Test image {index:,}: {true} → {predicted}</source>
            <translation>测试图像 {index:,}：{true} → {predicted}</translation>
        </message>
    </context>
    <context>
        <name>MistakesGallery</name>
        <message>
            <source>Test image {index:,}
true class: {true}
predicted: {predicted} (its one output ×10, rounded)</source>
            <translation>测试图像 {index:,}
真实类别：{true}
预测：{predicted}（它唯一的输出 ×10，四舍五入）</translation>
        </message>
        <message>
            <source>Test image {index:,}
true class: {true}
predicted: {predicted} with probability {probability}
probability of the true class: {true_probability}</source>
            <translation>测试图像 {index:,}
真实类别：{true}
预测：{predicted}，概率 {probability}
真实类别的概率：{true_probability}</translation>
        </message>
        <message>
            <source>Show all mistakes</source>
            <translation>显示全部错误</translation>
        </message>
        <message>
            <source>Leave the confusion-matrix cell and show every misclassified test image</source>
            <translation>离开混淆矩阵的格子，显示所有分类错误的测试图像</translation>
        </message>
        <message>
            <source>Hover a thumbnail for details; double-click it (or press Enter) to open it large with every class's probability. Each shows what the network saw: true → predicted class and the probability the network gave its prediction.</source>
            <translation>将鼠标悬停在缩略图上可查看详情；双击（或按 Enter）可放大打开，并显示每个类别的概率。每张缩略图都显示网络看到的内容：真实 → 预测类别，以及网络给其预测的概率。</translation>
        </message>
        <message>
            <source>No test image of true class &lt;b&gt;{true}&lt;/b&gt; was predicted as &lt;b&gt;{predicted}&lt;/b&gt;.</source>
            <translation>没有真实类别为 &lt;b&gt;{true}&lt;/b&gt; 的测试图像被预测为 &lt;b&gt;{predicted}&lt;/b&gt;。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; correctly classified image of true class &lt;b&gt;{true}&lt;/b&gt; predicted as &lt;b&gt;{predicted}&lt;/b&gt;, most confident first.</source>
            <translation>&lt;b&gt;{n:,}&lt;/b&gt; 张真实类别为 &lt;b&gt;{true}&lt;/b&gt;、预测为 &lt;b&gt;{predicted}&lt;/b&gt; 的正确分类图像，置信度最高的在前。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; correctly classified images of true class &lt;b&gt;{true}&lt;/b&gt; predicted as &lt;b&gt;{predicted}&lt;/b&gt;, most confident first.</source>
            <translation>&lt;b&gt;{n:,}&lt;/b&gt; 张真实类别为 &lt;b&gt;{true}&lt;/b&gt;、预测为 &lt;b&gt;{predicted}&lt;/b&gt; 的正确分类图像，置信度最高的在前。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; misclassified image of true class &lt;b&gt;{true}&lt;/b&gt; predicted as &lt;b&gt;{predicted}&lt;/b&gt;, most confident first.</source>
            <translation>&lt;b&gt;{n:,}&lt;/b&gt; 张真实类别为 &lt;b&gt;{true}&lt;/b&gt;、预测为 &lt;b&gt;{predicted}&lt;/b&gt; 的分类错误图像，置信度最高的在前。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; misclassified images of true class &lt;b&gt;{true}&lt;/b&gt; predicted as &lt;b&gt;{predicted}&lt;/b&gt;, most confident first.</source>
            <translation>&lt;b&gt;{n:,}&lt;/b&gt; 张真实类别为 &lt;b&gt;{true}&lt;/b&gt;、预测为 &lt;b&gt;{predicted}&lt;/b&gt; 的分类错误图像，置信度最高的在前。</translation>
        </message>
        <message>
            <source>No mistakes: all {total:,} test images are classified correctly.</source>
            <translation>没有错误：全部 {total:,} 张测试图像都分类正确。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{n:,}&lt;/b&gt; of {total:,} test images misclassified ({share}), most confident first. Under each: true → predicted class and the probability the network gave its answer.</source>
            <translation>{total:,} 张测试图像中有 &lt;b&gt;{n:,}&lt;/b&gt; 张分类错误（{share}），置信度最高的在前。每张下方：真实 → 预测类别，以及网络给其答案的概率。</translation>
        </message>
    </context>
    <context>
        <name>ModelEdits</name>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{network}&lt;br&gt;Edited by hand: {edits}</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{network}&lt;br&gt;手动编辑：{edits}</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{network}</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{network}</translation>
        </message>
        <message numerus="yes">
            <source>%n unit switched off</source>
            <translation>
                <numerusform>%n 个单元已关闭</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n units switched off</source>
            <translation>
                <numerusform>%n 个单元已关闭</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unit scaled</source>
            <translation>
                <numerusform>%n 个单元已缩放</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n units scaled</source>
            <translation>
                <numerusform>%n 个单元已缩放</numerusform>
            </translation>
        </message>
        <message>
            <source>{switched_off}, {scaled}</source>
            <translation>{switched_off}，{scaled}</translation>
        </message>
        <message numerus="yes">
            <source>%n step on one drawing</source>
            <translation>
                <numerusform>在一张绘图上执行了 %n 步</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n steps on one drawing</source>
            <translation>
                <numerusform>在一张绘图上执行了 %n 步</numerusform>
            </translation>
        </message>
        <message>
            <source>{units}; {steps}</source>
            <translation>{units}；{steps}</translation>
        </message>
    </context>
    <context>
        <name>ModelFile</name>
        <message>
            <source>digitpad opens the .npz model files it saves (File ▸ Save in the window, digitpad train --output on the command line).</source>
            <translation>digitpad 可以打开它自己保存的 .npz 模型文件（窗口中的“文件 ▸ 保存”，命令行中的 digitpad train --output）。</translation>
        </message>
        <message>
            <source>cannot save model to {path}: {error}</source>
            <translation>无法将模型保存到 {path}：{error}</translation>
        </message>
        <message>
            <source>no such file: {path}</source>
            <translation>文件不存在：{path}</translation>
        </message>
        <message>
            <source>cannot read {path}: {error}</source>
            <translation>无法读取 {path}：{error}</translation>
        </message>
        <message>
            <source>{file} is not a digitpad model: {reason}. {expected}</source>
            <translation>{file} 不是 digitpad 模型：{reason}。{expected}</translation>
        </message>
        <message>
            <source>{file} is not a valid model file: {reason}</source>
            <translation>{file} 不是有效的模型文件：{reason}</translation>
        </message>
        <message>
            <source>{file} is not a digitpad model: it is not a zip archive, or a damaged or incomplete one. {expected}</source>
            <translation>{file} 不是 digitpad 模型：它不是 zip 归档，或者是已损坏或不完整的 zip 归档。{expected}</translation>
        </message>
        <message>
            <source>array {name} is {size:,} bytes, more than its {limit:,} limit</source>
            <translation>数组 {name} 有 {size:,} 字节，超过了 {limit:,} 字节的上限</translation>
        </message>
        <message>
            <source>array {name} is damaged or not a plain array of numbers (pickled objects are never loaded): {error}</source>
            <translation>数组 {name} 已损坏，或不是普通的数值数组（绝不加载 pickle 对象）：{error}</translation>
        </message>
        <message>
            <source>it is a .npz archive without the 'metadata' entry every digitpad model has, so probably arrays saved by another program</source>
            <translation>它是一个 .npz 归档，但没有每个 digitpad 模型都有的 'metadata' 条目，因此可能是其他程序保存的数组</translation>
        </message>
        <message>
            <source>metadata must be a 1-d uint8 array of UTF-8 JSON, not {dtype}{shape}</source>
            <translation>metadata 必须是存放 UTF-8 JSON 的一维 uint8 数组，而不是 {dtype}{shape}</translation>
        </message>
        <message>
            <source>metadata is not valid UTF-8 JSON: {error}</source>
            <translation>metadata 不是有效的 UTF-8 JSON：{error}</translation>
        </message>
        <message>
            <source>metadata nests objects or lists more than {depth} deep; digitpad writes 3</source>
            <translation>metadata 中对象或列表的嵌套超过 {depth} 层；digitpad 写入的是 3 层</translation>
        </message>
        <message>
            <source>weight array(s) {names} missing</source>
            <translation>缺少权重数组 {names}</translation>
        </message>
        <message>
            <source>unexpected entries {names}</source>
            <translation>意外的条目 {names}</translation>
        </message>
        <message>
            <source>an integer</source>
            <translation>整数</translation>
        </message>
        <message>
            <source>a finite number</source>
            <translation>有限数</translation>
        </message>
        <message>
            <source>a string</source>
            <translation>字符串</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>列表</translation>
        </message>
        <message>
            <source>an object</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true 或 false</translation>
        </message>
        <message>
            <source>positive</source>
            <translation>正数</translation>
        </message>
        <message>
            <source>in [0, 1)</source>
            <translation>在 [0, 1) 内</translation>
        </message>
        <message>
            <source>zero or positive</source>
            <translation>零或正数</translation>
        </message>
        <message>
            <source>a hyperparameter is NaN or infinite, which JSON cannot store</source>
            <translation>某个超参数为 NaN 或无穷大，JSON 无法存储</translation>
        </message>
        <message>
            <source>{where} must be {kind}, got {value}</source>
            <translation>{where} 必须是{kind}，实际为 {value}</translation>
        </message>
        <message>
            <source>{where} lacks field(s) {fields}</source>
            <translation>{where} 缺少字段 {fields}</translation>
        </message>
        <message>
            <source>{where} has unknown field(s) {fields}</source>
            <translation>{where} 含有未知字段 {fields}</translation>
        </message>
        <message>
            <source>{where} field {key!r}</source>
            <translation>{where} 的字段 {key!r}</translation>
        </message>
        <message>
            <source>metadata has no format_version (this digitpad reads versions {supported})</source>
            <translation>metadata 中没有 format_version（此版本 digitpad 可读取的版本为 {supported}）</translation>
        </message>
        <message>
            <source>format_version {version} is not supported (this digitpad reads versions {supported}); a newer digitpad may open it</source>
            <translation>不支持 format_version {version}（此版本 digitpad 可读取的版本为 {supported}）；更新版本的 digitpad 或许能打开它</translation>
        </message>
        <message>
            <source>history {key!r}</source>
            <translation>历史记录 {key!r}</translation>
        </message>
        <message>
            <source>metric {key!r}</source>
            <translation>指标 {key!r}</translation>
        </message>
        <message>
            <source>created must be an ISO 8601 time, got {value!r}</source>
            <translation>created 必须是 ISO 8601 时间，实际为 {value!r}</translation>
        </message>
        <message>
            <source>history {key!r} has {count:,} values; at most {limit:,} are allowed</source>
            <translation>历史记录 {key!r} 有 {count:,} 个值；最多允许 {limit:,} 个</translation>
        </message>
        <message>
            <source>hyperparameter {key!r}</source>
            <translation>超参数 {key!r}</translation>
        </message>
        <message>
            <source>{what} is {length:,} characters long; at most {limit:,} are allowed</source>
            <translation>{what} 长 {length:,} 个字符；最多允许 {limit:,} 个</translation>
        </message>
        <message>
            <source>{key} has {count:,} entries; at most {limit:,} are allowed</source>
            <translation>{key} 有 {count:,} 个条目；最多允许 {limit:,} 个</translation>
        </message>
        <message>
            <source>{where} epoch and batch must be zero or positive, got epoch {epoch}, batch {batch}</source>
            <translation>{where} 的轮次和批量必须为零或正数，实际为轮次 {epoch}、批量 {batch}</translation>
        </message>
        <message>
            <source>{where} setting {name!r} is unknown; known: {known}</source>
            <translation>{where} 的设置 {name!r} 未知；已知的有：{known}</translation>
        </message>
        <message>
            <source>{where}: {setting} must be {words}, got {value}</source>
            <translation>{where}：{setting} 必须是{words}，实际为 {value}</translation>
        </message>
        <message>
            <source>{where} (epoch {epoch}, batch {batch}) comes before the change above it (epoch {previous_epoch}, batch {previous_batch}); changes must be in the order they took effect</source>
            <translation>{where}（第 {epoch} 轮，批量 {batch}）排在它上面的更改（第 {previous_epoch} 轮，批量 {previous_batch}）之前；更改必须按生效的先后顺序排列</translation>
        </message>
        <message>
            <source>mistakes[{i}] must be a name of 1 to {limit} characters, got {length:,} characters</source>
            <translation>mistakes[{i}] 必须是 1 到 {limit} 个字符的名称，实际为 {length:,} 个字符</translation>
        </message>
        <message>
            <source>mistakes[{i}] {name!r} is listed twice</source>
            <translation>mistakes[{i}] {name!r} 出现了两次</translation>
        </message>
        <message>
            <source>edits has {count:,} entries; at most one per hidden unit and {limit:,} steps are allowed</source>
            <translation>edits 有 {count:,} 个条目；每个隐藏单元最多一个，步数最多允许 {limit:,} 个</translation>
        </message>
        <message>
            <source>{where} kind {name!r} is unknown; known: {known}</source>
            <translation>{where} 的类型 {name!r} 未知；已知的有：{known}</translation>
        </message>
        <message>
            <source>{where} needs a label from 0 to {last} and a positive lr, got label {label}, lr {lr}</source>
            <translation>{where} 需要 0 到 {last} 的标签和正的 lr，实际为标签 {label}、lr {lr}</translation>
        </message>
        <message>
            <source>{where} names unit {unit} of hidden layer {layer}, which the network {sizes} does not have</source>
            <translation>{where} 指向隐藏层 {layer} 的单元 {unit}，但网络 {sizes} 中没有这个单元</translation>
        </message>
        <message>
            <source>{where} edits unit {unit} of hidden layer {layer} a second time</source>
            <translation>{where} 第二次编辑了隐藏层 {layer} 的单元 {unit}</translation>
        </message>
        <message>
            <source>network sizes have {count:,} hidden layers; at most {limit} are allowed</source>
            <translation>网络尺寸有 {count:,} 个隐藏层；最多允许 {limit} 个</translation>
        </message>
        <message>
            <source>each of network sizes</source>
            <translation>网络尺寸中的每一项</translation>
        </message>
        <message>
            <source>network sizes must be positive, got {sizes}</source>
            <translation>网络尺寸必须为正数，实际为 {sizes}</translation>
        </message>
        <message>
            <source>network sizes {sizes} have a layer over {limit:,} units</source>
            <translation>网络尺寸 {sizes} 中有一层超过 {limit:,} 个单元</translation>
        </message>
        <message>
            <source>network sizes {sizes} need {count:,} parameters, over the {limit:,} allowed</source>
            <translation>网络尺寸 {sizes} 需要 {count:,} 个参数，超过了允许的 {limit:,} 个</translation>
        </message>
        <message>
            <source>network: {error}</source>
            <translation>网络：{error}</translation>
        </message>
        <message>
            <source>{where} {name!r} is unknown; known: {known}</source>
            <translation>{where} {name!r} 未知；已知的有：{known}</translation>
        </message>
        <message>
            <source>each of input_shape</source>
            <translation>input_shape 中的每一项</translation>
        </message>
        <message>
            <source>input_shape {shape} does not match preprocessing {name!r} (needs {needed})</source>
            <translation>input_shape {shape} 与预处理 {name!r} 不匹配（需要 {needed}）</translation>
        </message>
        <message>
            <source>input_shape {shape} has {pixels} pixels; the network takes {inputs} inputs</source>
            <translation>input_shape {shape} 有 {pixels} 个像素；网络接受 {inputs} 个输入</translation>
        </message>
        <message>
            <source>input_scale must be positive, got {value}</source>
            <translation>input_scale 必须为正数，实际为 {value}</translation>
        </message>
        <message>
            <source>class_names must be {count} strings, one per class, got {names}</source>
            <translation>class_names 必须是 {count} 个字符串，每个类别一个，实际为 {names}</translation>
        </message>
        <message>
            <source>array {name} has dtype {dtype}, expected {expected}</source>
            <translation>数组 {name} 的 dtype 为 {dtype}，应为 {expected}</translation>
        </message>
        <message>
            <source>array {name} has shape {shape}, expected {expected}</source>
            <translation>数组 {name} 的形状为 {shape}，应为 {expected}</translation>
        </message>
        <message>
            <source>array {name} contains NaN or infinite values</source>
            <translation>数组 {name} 含有 NaN 或无穷大的值</translation>
        </message>
    </context>
    <context>
        <name>ModelFiles</name>
        <message>
            <source>digitpad models (*.npz);;All files (*)</source>
            <translation>digitpad 模型 (*.npz);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>Open model</source>
            <translation>打开模型</translation>
        </message>
        <message>
            <source>Training is running</source>
            <translation>正在训练</translation>
        </message>
        <message>
            <source>Stop the training before opening another model.</source>
            <translation>请先停止训练，再打开其他模型。</translation>
        </message>
        <message>
            <source>Cannot open model</source>
            <translation>无法打开模型</translation>
        </message>
        <message>
            <source>{file} cannot be opened: {error}

The current model stays loaded.</source>
            <translation>无法打开 {file}：{error}

当前模型仍保持加载。</translation>
        </message>
        <message>
            <source>Opened {path}</source>
            <translation>已打开 {path}</translation>
        </message>
        <message>
            <source>No recent models</source>
            <translation>没有最近的模型</translation>
        </message>
        <message>
            <source>Save model</source>
            <translation>保存模型</translation>
        </message>
        <message>
            <source>Cannot save model</source>
            <translation>无法保存模型</translation>
        </message>
        <message>
            <source>{file} was not saved: {error}</source>
            <translation>未保存 {file}：{error}</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <source>Unsaved model</source>
            <translation>模型未保存</translation>
        </message>
        <message>
            <source>The trained model has not been saved. Save it first?</source>
            <translation>训练好的模型尚未保存。要先保存吗？</translation>
        </message>
        <message>
            <source>Training replaces the trained model, which has not been saved. Save it first? (Its curves stay in the Runs tab either way.)</source>
            <translation>训练会替换尚未保存的已训练模型。要先保存它吗？（无论如何，它的曲线都会保留在“运行记录”页中。）</translation>
        </message>
        <message>
            <source>Don't ask again before training</source>
            <translation>训练前不再询问</translation>
        </message>
        <message>
            <source>it records the deliberate lab mistake {name!r}, which this digitpad does not know; a newer digitpad may open it</source>
            <translation>它记录了实验室故意设置的错误 {name!r}，此版本 digitpad 不认识该错误；更新版本的 digitpad 或许能打开它</translation>
        </message>
        <message>
            <source>it records a deliberate lab mistake its network cannot have: {error}</source>
            <translation>它记录了一个其网络不可能有的实验室故意错误：{error}</translation>
        </message>
        <message>
            <source>it records the deliberate lab mistake {name!r}, which is a mistake of the training loop, not a network's</source>
            <translation>它记录了实验室故意设置的错误 {name!r}，这是训练循环的错误，而不是网络的错误</translation>
        </message>
    </context>
    <context>
        <name>ModelInfo</name>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Uniform(−1, 1)</source>
            <translation>均匀分布(−1, 1)</translation>
        </message>
        <message>
            <source>Normal(0, 0.01)</source>
            <translation>正态分布(0, 0.01)</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图像数</translation>
        </message>
        <message>
            <source>first {count}</source>
            <translation>前 {count} 张</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>验证集</translation>
        </message>
        <message>
            <source>{percent:g} %</source>
            <translation>{percent:g} %</translation>
        </message>
        <message>
            <source>Random shift</source>
            <translation>随机平移</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>{pixels} px</source>
            <translation>{pixels} 像素</translation>
        </message>
        <message>
            <source>Scale inputs to [0, 1]</source>
            <translation>将输入缩放到 [0, 1]</translation>
        </message>
        <message>
            <source>Hidden layers</source>
            <translation>隐藏层</translation>
        </message>
        <message>
            <source>none (a linear model)</source>
            <translation>无（线性模型）</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <source>Output + loss</source>
            <translation>输出 + 损失</translation>
        </message>
        <message>
            <source>Regression: one output = label/10</source>
            <translation>回归：一个输出 = 标签/10</translation>
        </message>
        <message>
            <source>Initialiser</source>
            <translation>初始化方法</translation>
        </message>
        <message>
            <source>Layers have a bias</source>
            <translation>各层带偏置</translation>
        </message>
        <message>
            <source>64-bit floats</source>
            <translation>64 位浮点数</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>Momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>学习率调度</translation>
        </message>
        <message>
            <source>Weight decay</source>
            <translation>权重衰减</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>批量大小</translation>
        </message>
        <message>
            <source>full batch</source>
            <translation>全批量</translation>
        </message>
        <message>
            <source>Sum the gradient over the batch</source>
            <translation>对批量内的梯度求和</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>Test</source>
            <translation>测试</translation>
        </message>
        <message>
            <source>Training loss</source>
            <translation>训练损失</translation>
        </message>
        <message>
            <source>Training accuracy</source>
            <translation>训练准确率</translation>
        </message>
        <message>
            <source>Validation loss</source>
            <translation>验证集损失</translation>
        </message>
        <message>
            <source>Validation accuracy</source>
            <translation>验证集准确率</translation>
        </message>
        <message>
            <source>Test loss</source>
            <translation>测试损失</translation>
        </message>
        <message>
            <source>Test accuracy</source>
            <translation>测试准确率</translation>
        </message>
        <message>
            <source>Test accuracy before tuning</source>
            <translation>微调前的测试准确率</translation>
        </message>
        <message>
            <source>Accuracy on my held-out digits</source>
            <translation>在我留出的数字上的准确率</translation>
        </message>
        <message>
            <source>Accuracy on my held-out digits before tuning</source>
            <translation>微调前在我留出的数字上的准确率</translation>
        </message>
        <message>
            <source>My digits it was tuned on</source>
            <translation>用于微调的我的数字</translation>
        </message>
        <message>
            <source>My digits held out</source>
            <translation>留出的我的数字</translation>
        </message>
        <message>
            <source>Epoch time</source>
            <translation>每轮用时</translation>
        </message>
        <message>
            <source>{value:.1f} s</source>
            <translation>{value:.1f} 秒</translation>
        </message>
        <message>
            <source>cropped, scaled to 20 px and centred, as MNIST's digits</source>
            <translation>裁剪、缩放到 20 像素并居中，与 MNIST 的数字一致</translation>
        </message>
        <message>
            <source>counted into 8×8 blocks of 0–16, as the 8×8 digits</source>
            <translation>按 8×8 的块计数为 0–16，与 8×8 数字一致</translation>
        </message>
        <message>
            <source>Model: {name}</source>
            <translation>模型：{name}</translation>
        </message>
        <message>
            <source>untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <source>{metric}: not a number</source>
            <translation>{metric}：不是数值</translation>
        </message>
        <message>
            <source>{metric}: {percent:.2f} %</source>
            <translation>{metric}：{percent:.2f} %</translation>
        </message>
        <message>
            <source>{metric}: {value:.4g}</source>
            <translation>{metric}：{value:.4g}</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>&lt;p&gt;not recorded&lt;/p&gt;</source>
            <translation>&lt;p&gt;未记录&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;not trained in digitpad&lt;/p&gt;</source>
            <translation>&lt;p&gt;不是在 digitpad 中训练的&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;{title}.&lt;/b&gt; {explanation}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;{title}。&lt;/b&gt;{explanation}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h4 style='color:#d9534f'&gt;Deliberate lab mistake&lt;/h4&gt;&lt;p&gt;The learning lab trained this model with this bug on purpose, and the model keeps it: it changes how the network learns (its gradient), not what it predicts. Look inside ▸ Gradient check fails for it.&lt;/p&gt;</source>
            <translation>&lt;h4 style='color:#d9534f'&gt;实验室故意设置的错误&lt;/h4&gt;&lt;p&gt;学习实验室故意带着这个错误训练了此模型，模型也保留了它：它改变的是网络如何学习（它的梯度），而不是网络预测什么。“查看内部 ▸ 梯度检验”会因此失败。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h4 style='color:#d9534f'&gt;Deliberate lab mistakes&lt;/h4&gt;&lt;p&gt;The learning lab trained this model with these bugs on purpose, and the model keeps them: they change how the network learns (its gradient), not what it predicts. Look inside ▸ Gradient check fails for it.&lt;/p&gt;</source>
            <translation>&lt;h4 style='color:#d9534f'&gt;实验室故意设置的错误&lt;/h4&gt;&lt;p&gt;学习实验室故意带着这些错误训练了此模型，模型也保留了它们：它们改变的是网络如何学习（它的梯度），而不是网络预测什么。“查看内部 ▸ 梯度检验”会因此失败。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;none&lt;/li&gt;</source>
            <translation>&lt;li&gt;无&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;li&gt;{change} from epoch {epoch}, batch {batch}&lt;/li&gt;</source>
            <translation>&lt;li&gt;{change}，自第 {epoch} 轮、批量 {batch} 起&lt;/li&gt;</translation>
        </message>
        <message>
            <source>&lt;h4&gt;Changed while training&lt;/h4&gt;&lt;ul&gt;{changes}&lt;/ul&gt;</source>
            <translation>&lt;h4&gt;训练中的更改&lt;/h4&gt;&lt;ul&gt;{changes}&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{network}&lt;/b&gt;, {parameters:,} parameter&lt;br&gt;Dataset: {dataset}&lt;br&gt;Input: {shape} images, {preprocessing}&lt;br&gt;Saved: {saved}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{network}&lt;/b&gt;，{parameters:,} 个参数&lt;br&gt;数据集：{dataset}&lt;br&gt;输入：{shape} 图像，{preprocessing}&lt;br&gt;保存时间：{saved}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{network}&lt;/b&gt;, {parameters:,} parameters&lt;br&gt;Dataset: {dataset}&lt;br&gt;Input: {shape} images, {preprocessing}&lt;br&gt;Saved: {saved}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{name}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;{network}&lt;/b&gt;，{parameters:,} 个参数&lt;br&gt;数据集：{dataset}&lt;br&gt;输入：{shape} 图像，{preprocessing}&lt;br&gt;保存时间：{saved}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h4&gt;Metrics&lt;/h4&gt;&lt;ul&gt;{metrics}&lt;/ul&gt;&lt;h4&gt;Settings&lt;/h4&gt;{settings}{changed}&lt;h4&gt;History&lt;/h4&gt;{history}</source>
            <translation>&lt;h4&gt;指标&lt;/h4&gt;&lt;ul&gt;{metrics}&lt;/ul&gt;&lt;h4&gt;设置&lt;/h4&gt;{settings}{changed}&lt;h4&gt;历史&lt;/h4&gt;{history}</translation>
        </message>
        <message>
            <source>Untitled model</source>
            <translation>未命名模型</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>not saved yet</source>
            <translation>尚未保存</translation>
        </message>
    </context>
    <context>
        <name>MyDigits</name>
        <message>
            <source>No digits yet. Draw one in the main window and click the digit it really is under the probabilities (or press Ctrl+0 … Ctrl+9), or import a folder of images, a CSV or IDX files.</source>
            <translation>还没有数字。在主窗口中画一个数字，然后在概率下方单击它真正代表的数字（或按 Ctrl+0 … Ctrl+9），也可以导入一个图像文件夹、一个 CSV 或 IDX 文件。</translation>
        </message>
        <message>
            <source>My digits</source>
            <translation>我的数字</translation>
        </message>
        <message>
            <source>Select misread</source>
            <translation>选中认错的</translation>
        </message>
        <message>
            <source>Select every digit the current model reads as another digit</source>
            <translation>选中当前模型认成其他数字的所有数字</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete the selected digits (Delete)</source>
            <translation>删除选中的数字（Delete）</translation>
        </message>
        <message>
            <source>Relabel as:</source>
            <translation>重新标注为：</translation>
        </message>
        <message>
            <source>Give the selected digits the label {digit} (key {digit})</source>
            <translation>给选中的数字加上标签 {digit}（按键 {digit}）</translation>
        </message>
        <message>
            <source>Import folder…</source>
            <translation>导入文件夹…</translation>
        </message>
        <message>
            <source>A folder with one subfolder of images per digit, 0 to 9 (ImageFolder)</source>
            <translation>每个数字一个图像子文件夹（0 到 9）的文件夹（ImageFolder）</translation>
        </message>
        <message>
            <source>Import files…</source>
            <translation>导入文件…</translation>
        </message>
        <message>
            <source>A CSV (label, then 784 pixels per line) or IDX images and labels</source>
            <translation>CSV（每行一个标签，后跟 784 个像素），或 IDX 图像和标签</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Write every digit as a PNG into a folder per digit (ImageFolder)</source>
            <translation>把每个数字以 PNG 格式写入按数字划分的文件夹（ImageFolder）</translation>
        </message>
        <message>
            <source>Teach it my digits…</source>
            <translation>用我的数字微调…</translation>
        </message>
        <message>
            <source>Fine-tune the current model on MNIST mixed with these digits and see the honest before/after (Ctrl+T)</source>
            <translation>在混入这些数字的 MNIST 上微调当前模型，并如实查看之前与之后的对比（Ctrl+T）</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Reading your digits with the model</source>
            <translation>正在用模型识别你的数字</translation>
        </message>
        <message>
            <source>The model could not read your digits: {message}</source>
            <translation>模型无法识别你的数字：{message}</translation>
        </message>
        <message numerus="yes">
            <source>%n digits. The current model reads other classes, so there is no reading under them.</source>
            <translation>
                <numerusform>%n 个数字。当前模型识别的是其他类别，因此数字下方没有识别结果。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n digits; the model is reading them…</source>
            <translation>
                <numerusform>%n 个数字；模型正在识别…</numerusform>
            </translation>
        </message>
        <message>
            <source>the current model</source>
            <translation>当前模型</translation>
        </message>
        <message numerus="yes">
            <source>%n digit; {name} misreads {misread} (red frame, its reading in red). Held-out digits have a grey corner: never trained on, used to measure.</source>
            <translation>
                <numerusform>%n 个数字；{name} 认错了 {misread} 个（红框，其识别结果以红色显示）。留出的数字带灰色角标：从不用于训练，只用于衡量。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n digits; {name} misreads {misread} (red frame, its reading in red). Held-out digits have a grey corner: never trained on, used to measure.</source>
            <translation>
                <numerusform>%n 个数字；{name} 认错了 {misread} 个（红框，其识别结果以红色显示）。留出的数字带灰色角标：从不用于训练，只用于衡量。</numerusform>
            </translation>
        </message>
        <message>
            <source>{text}
{damage}.</source>
            <translation>{text}
{damage}。</translation>
        </message>
        <message>
            <source>{what}… %p%</source>
            <translation>{what}… %p%</translation>
        </message>
        <message>
            <source>Delete digits</source>
            <translation>删除数字</translation>
        </message>
        <message numerus="yes">
            <source>Delete these %n digits from My digits? This cannot be undone.</source>
            <translation>
                <numerusform>要从“我的数字”中删除这 %n 个数字吗？此操作无法撤销。</numerusform>
            </translation>
        </message>
        <message>
            <source>Your digits could not be deleted: {file} could not be written ({reason}). Nothing was changed.</source>
            <translation>无法删除你的数字：无法写入 {file}（{reason}）。未做任何更改。</translation>
        </message>
        <message>
            <source>Your digits could not be relabelled: {file} could not be written ({reason}). Nothing was changed.</source>
            <translation>无法重新标注你的数字：无法写入 {file}（{reason}）。未做任何更改。</translation>
        </message>
        <message>
            <source>Not changed</source>
            <translation>未更改</translation>
        </message>
        <message>
            <source>Import a folder of digit images (one subfolder per digit)</source>
            <translation>导入数字图像文件夹（每个数字一个子文件夹）</translation>
        </message>
        <message>
            <source>Import digits from CSV or IDX files</source>
            <translation>从 CSV 或 IDX 文件导入数字</translation>
        </message>
        <message>
            <source>Digit files (*.csv *.csv.gz *-ubyte *-ubyte.gz *.idx *.idx.gz);;All files (*)</source>
            <translation>数字文件 (*.csv *.csv.gz *-ubyte *-ubyte.gz *.idx *.idx.gz);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>正在导入</translation>
        </message>
        <message>
            <source>Nothing imported</source>
            <translation>未导入任何内容</translation>
        </message>
        <message>
            <source>Export My digits into a folder (one subfolder per digit)</source>
            <translation>将“我的数字”导出到文件夹（每个数字一个子文件夹）</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>正在导出</translation>
        </message>
        <message>
            <source>Not exported</source>
            <translation>未导出</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n PNG file to {target}, one folder per digit (0 … 9).</source>
            <translation>
                <numerusform>已将 %n 个 PNG 文件导出到 {target}，每个数字一个文件夹（0 … 9）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n PNG files to {target}, one folder per digit (0 … 9).</source>
            <translation>
                <numerusform>已将 %n 个 PNG 文件导出到 {target}，每个数字一个文件夹（0 … 9）。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Neighbours</name>
        <message>
            <source>{dataset}: its images are {rows}×{columns} pixels, the model reads {model_rows}×{model_columns}</source>
            <translation>{dataset}：其图像为 {rows}×{columns} 像素，模型读取 {model_rows}×{model_columns}</translation>
        </message>
    </context>
    <context>
        <name>NetworkSpec</name>
        <message>
            <source>layer sizes must be whole numbers, got {sizes}</source>
            <translation>层的大小必须是整数，实际为 {sizes}</translation>
        </message>
        <message>
            <source>bias must be true or false, got {bias!r}</source>
            <translation>偏置必须是 true 或 false，实际为 {bias!r}</translation>
        </message>
        <message>
            <source>layer sizes must be two or more positive numbers, got {sizes}</source>
            <translation>层的大小必须是两个或更多正数，实际为 {sizes}</translation>
        </message>
        <message>
            <source>unknown activation {activation!r}; choose one of {names}</source>
            <translation>未知的激活函数 {activation!r}；请从 {names} 中选择一个</translation>
        </message>
        <message>
            <source>output {output!r} with loss {loss!r} is not offered; choose one of {pairs}</source>
            <translation>不提供输出 {output!r} 与损失 {loss!r} 的组合；请从 {pairs} 中选择一个</translation>
        </message>
        <message>
            <source>unknown initialiser {init!r}; choose one of {names}</source>
            <translation>未知的初始化方法 {init!r}；请从 {names} 中选择一个</translation>
        </message>
        <message>
            <source>gradient reduction must be 'mean' or 'sum', got {reduction!r}</source>
            <translation>梯度归约方式必须是 'mean' 或 'sum'，实际为 {reduction!r}</translation>
        </message>
        <message>
            <source>dtype must be float32 or float64, got {dtype!r}</source>
            <translation>dtype 必须是 float32 或 float64，实际为 {dtype!r}</translation>
        </message>
        <message>
            <source>a single output unit is a regression on label/10 and needs the mean squared error loss</source>
            <translation>单个输出单元表示对标签/10 的回归，需要使用均方误差损失</translation>
        </message>
    </context>
    <context>
        <name>NetworkView</name>
        <message>
            <source>Draw on the canvas to see what every layer of the network makes of it.</source>
            <translation>在画布上绘图，即可看到网络的每一层如何处理它。</translation>
        </message>
        <message>
            <source>Every layer of the network for your drawing: the input it receives, each hidden layer's units (colour = activation, the key under each grid gives the range) and the class probabilities. It follows the drawing and every epoch of a run.</source>
            <translation>你的绘图在网络每一层中的情况：网络接收到的输入、每个隐藏层的单元（颜色 = 激活值，每个网格下方的图例给出范围）以及各类别的概率。它随绘图和运行的每一轮更新。</translation>
        </message>
        <message>
            <source>&lt;span style='color:{up}'&gt;■&lt;/span&gt; pushed {subject} up most &amp;nbsp; &lt;span style='color:{down}'&gt;■&lt;/span&gt; pushed it down most &amp;nbsp; ✕ switched off</source>
            <translation>&lt;span style='color:{up}'&gt;■&lt;/span&gt; 把{subject}推高最多 &amp;nbsp; &lt;span style='color:{down}'&gt;■&lt;/span&gt; 把它压低最多 &amp;nbsp; ✕ 已关闭</translation>
        </message>
        <message>
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>The input as the network receives it: {rows}×{columns} pixels after preprocessing and input scaling (0 to {range:g}).</source>
            <translation>网络接收到的输入：经过预处理和输入缩放（0 到 {range:g}）后的 {rows}×{columns} 像素。</translation>
        </message>
        <message>
            <source>hidden {layer}</source>
            <translation>隐藏层 {layer}</translation>
        </message>
        <message>
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>The class probabilities, as the bars show them.</source>
            <translation>各类别的概率，与条形所示相同。</translation>
        </message>
        <message>
            <source>The one output of a regression: × 10, rounded, is the digit.</source>
            <translation>回归的唯一输出：× 10 后四舍五入即为数字。</translation>
        </message>
        <message numerus="yes">
            <source>Hidden layer {layer}: %n {activation} units, one cell each; the key underneath gives the colours' range. Point at a unit to see what it does, click to keep it in the panel below, Ctrl+click to switch it off or on.</source>
            <translation>
                <numerusform>隐藏层 {layer}：%n 个 {activation} 单元，每个单元一格；下方的图例给出颜色的范围。把指针移到单元上可查看它的作用，单击可将它保留在下方面板中，Ctrl+单击可关闭或打开它。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NumberLine</name>
        <message>
            <source>output × 10 = {value:.2f}, beyond the line: counted as {digit}</source>
            <translation>输出 × 10 = {value:.2f}，超出数轴：计为 {digit}</translation>
        </message>
        <message>
            <source>output × 10 = {value:.2f}, rounds to {digit}</source>
            <translation>输出 × 10 = {value:.2f}，四舍五入为 {digit}</translation>
        </message>
        <message>
            <source>This model has one output unit, trained to equal label/10. Its output × 10 is drawn on the number line; the prediction is the digit it rounds to (the shaded stretch). There are no class probabilities: how close the marker sits to a neighbour is all the doubt it can show.</source>
            <translation>这个模型只有一个输出单元，训练目标是等于标签/10。数轴上画出的是它的输出 × 10；预测就是它四舍五入得到的数字（阴影区间）。它没有类别概率：标记离相邻数字有多近，就是它所能表现的全部不确定性。</translation>
        </message>
        <message>
            <source>One output unit trained to equal label/10: a number, not class probabilities.</source>
            <translation>一个输出单元，训练目标是等于标签/10：输出的是一个数，而不是类别概率。</translation>
        </message>
        <message>
            <source>Prediction: {reading}</source>
            <translation>预测：{reading}</translation>
        </message>
    </context>
    <context>
        <name>OnnxCheck</name>
        <message>
            <source>checking an ONNX file needs onnxruntime: pip install onnxruntime</source>
            <translation>检验 ONNX 文件需要 onnxruntime：pip install onnxruntime</translation>
        </message>
        <message>
            <source>onnxruntime cannot run {file}: {error}</source>
            <translation>onnxruntime 无法运行 {file}：{error}</translation>
        </message>
        <message>
            <source>{file} gives outputs of shape {got}; the model gives {want}</source>
            <translation>{file} 给出的输出形状为 {got}；模型给出的是 {want}</translation>
        </message>
        <message>
            <source>1 test image of {dataset}</source>
            <translation>{dataset} 的 1 张测试图像</translation>
        </message>
        <message>
            <source>{n} test images of {dataset}</source>
            <translation>{dataset} 的 {n} 张测试图像</translation>
        </message>
        <message>
            <source>1 random MNIST-like input</source>
            <translation>1 个类似 MNIST 的随机输入</translation>
        </message>
        <message>
            <source>{n} random MNIST-like inputs</source>
            <translation>{n} 个类似 MNIST 的随机输入</translation>
        </message>
    </context>
    <context>
        <name>PalettePlot</name>
        <message>
            <source>epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>{tooltip}
Earlier runs ticked in the runs list: thin lines in their own colour, dotted = training, dashed = validation.</source>
            <translation>{tooltip}
在运行列表中勾选的先前运行：以各自颜色的细线显示，点线 = 训练集，虚线 = 验证集。</translation>
        </message>
        <message>
            <source>train</source>
            <translation>训练集</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>验证集</translation>
        </message>
    </context>
    <context>
        <name>Personal</name>
        <message>
            <source>split must be 'train' or 'test', got {split!r}</source>
            <translation>split 必须是 'train' 或 'test'，实际为 {split!r}</translation>
        </message>
        <message>
            <source>{path}: {parts} damaged part(s) ({lost:,} bytes) were skipped; the digits in them are lost, every other digit was kept</source>
            <translation>{path}：跳过了 {parts} 个损坏的部分（{lost:,} 字节）；其中的数字已丢失，其余数字均已保留</translation>
        </message>
        <message>
            <source>a drawing must be 28×28, got {shape}</source>
            <translation>绘图必须是 28×28，实际为 {shape}</translation>
        </message>
        <message>
            <source>the drawing is blank; draw a digit first</source>
            <translation>绘图是空白的；请先画一个数字</translation>
        </message>
        <message>
            <source>{path}: cannot read your digits ({reason})</source>
            <translation>{path}：无法读取你的数字（{reason}）</translation>
        </message>
        <message>
            <source>{path}: the record at byte {offset:,} cannot be read ({reason}); it may come from a newer digitpad. Open it with that version, or move the file away to start afresh</source>
            <translation>{path}：无法读取位于第 {offset:,} 字节处的记录（{reason}）；它可能来自更新版本的 digitpad。请用那个版本打开，或把文件移走以重新开始</translation>
        </message>
        <message>
            <source>{path} is not a digitpad journal of your digits (it does not start with {magic!r}); nothing was changed. Move it out of {folder} to start a new set, or put the right file back</source>
            <translation>{path} 不是 digitpad 的数字日志文件（它不以 {magic!r} 开头）；未做任何更改。请把它移出 {folder} 以开始新的数字集，或放回正确的文件</translation>
        </message>
        <message>
            <source>{title} holds no digits yet; add some with Correct it under the probabilities (Ctrl+0 … Ctrl+9 on the canvas) or `digitpad data import --dataset {name} PATH`</source>
            <translation>{title} 中还没有数字；可在概率下方用“纠正”添加（在画布上按 Ctrl+0 … Ctrl+9），或使用 `digitpad data import --dataset {name} PATH`</translation>
        </message>
    </context>
    <context>
        <name>PersonalDigits</name>
        <message>
            <source>My digits keeps digits; the current model reads other classes. Open a digit model to correct it.</source>
            <translation>“我的数字”存放的是数字；当前模型识别的是其他类别。请打开一个数字模型来纠正。</translation>
        </message>
        <message>
            <source>Nothing saved: the canvas is empty. Draw a digit first, then Ctrl+{digit} (or its button under the probabilities) keeps it in My digits.</source>
            <translation>未保存：画布是空的。请先画一个数字，然后按 Ctrl+{digit}（或概率下方对应的按钮）将它保存到“我的数字”。</translation>
        </message>
        <message>
            <source>Saved as a {digit} in My digits. {tally} The drawing stays on the canvas: Esc clears it for the next one.</source>
            <translation>已作为 {digit} 保存到“我的数字”。{tally} 绘图仍留在画布上：按 Esc 清除后可画下一个。</translation>
        </message>
        <message>
            <source>Saved as a {digit} in My digits (the model read it right). {tally} The drawing stays on the canvas: Esc clears it for the next one.</source>
            <translation>已作为 {digit} 保存到“我的数字”（模型认对了）。{tally} 绘图仍留在画布上：按 Esc 清除后可画下一个。</translation>
        </message>
        <message>
            <source>Saved as a {digit} in My digits (the model read {read}). {tally} The drawing stays on the canvas: Esc clears it for the next one.</source>
            <translation>已作为 {digit} 保存到“我的数字”（模型认成了 {read}）。{tally} 绘图仍留在画布上：按 Esc 清除后可画下一个。</translation>
        </message>
        <message>
            <source>This drawing is in My digits already, as a {digit}. Esc clears the canvas for the next one.</source>
            <translation>这张绘图已作为 {digit} 保存在“我的数字”中。按 Esc 清空画布后可画下一个。</translation>
        </message>
        <message>
            <source>Relabelled as a {digit} (it was saved as a {was}). {tally}</source>
            <translation>已重新标注为 {digit}（原先保存为 {was}）。{tally}</translation>
        </message>
        <message>
            <source>Relabelled as a {digit} (it was saved as a {was}) (the model read it right). {tally}</source>
            <translation>已重新标注为 {digit}（原先保存为 {was}）（模型认对了）。{tally}</translation>
        </message>
        <message>
            <source>Relabelled as a {digit} (it was saved as a {was}) (the model read {read}). {tally}</source>
            <translation>已重新标注为 {digit}（原先保存为 {was}）（模型认成了 {read}）。{tally}</translation>
        </message>
        <message numerus="yes">
            <source>{how_many}, %n digit in all.</source>
            <translation>
                <numerusform>{how_many}，共 %n 个数字。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{how_many}, %n digits in all.</source>
            <translation>
                <numerusform>{how_many}，共 %n 个数字。</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing saved: {reason}</source>
            <translation>未保存：{reason}</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>The drawing was not saved in My digits: {file} could not be written ({reason}). Nothing was added.</source>
            <translation>绘图未保存到“我的数字”：无法写入 {file}（{reason}）。未添加任何内容。</translation>
        </message>
    </context>
    <context>
        <name>PersonalRecords</name>
        <message>
            <source>a digit's source name is too long ({start}…)</source>
            <translation>数字的来源名称太长（{start}…）</translation>
        </message>
        <message>
            <source>a digit's label must be a whole number 0..9, got {label!r}</source>
            <translation>数字的标签必须是 0..9 的整数，实际为 {label!r}</translation>
        </message>
        <message>
            <source>a digit's raw drawing must be 28×28, got shape {shape}</source>
            <translation>数字的原始绘图必须是 28×28，实际形状为 {shape}</translation>
        </message>
        <message>
            <source>a digit's image must be 28×28, got shape {shape}</source>
            <translation>数字的图像必须是 28×28，实际形状为 {shape}</translation>
        </message>
        <message>
            <source>a digit's raw drawing must hold whole numbers 0..255, got {dtype}</source>
            <translation>数字的原始绘图必须由 0..255 的整数组成，实际为 {dtype}</translation>
        </message>
        <message>
            <source>a digit's image must hold whole numbers 0..255, got {dtype}</source>
            <translation>数字的图像必须由 0..255 的整数组成，实际为 {dtype}</translation>
        </message>
    </context>
    <context>
        <name>PlotParts</name>
        <message>
            <source>{run}:</source>
            <translation>{run}：</translation>
        </message>
    </context>
    <context>
        <name>Prepare</name>
        <message>
            <source>{name} holds no images</source>
            <translation>{name} 中没有任何图像</translation>
        </message>
        <message>
            <source>{images} images are too few to split off a {share:.1%} validation share</source>
            <translation>{images} 张图像太少，无法划分出 {share:.1%} 的验证集</translation>
        </message>
    </context>
    <context>
        <name>Preprocessing</name>
        <message>
            <source>preprocessing {id!r} is unknown; known: {known}</source>
            <translation>预处理方式 {id!r} 未知；已知的有：{known}</translation>
        </message>
    </context>
    <context>
        <name>ProbabilityBars</name>
        <message>
            <source>Draw a digit</source>
            <translation>画一个数字</translation>
        </message>
        <message>
            <source>{percent:.1f} %</source>
            <translation>{percent:.1f} %</translation>
        </message>
        <message>
            <source>Softmax probabilities: the network's output turned into a probability for each class; they add up to 100 %. The top class is the prediction.</source>
            <translation>softmax 概率：网络的输出被转换为每个类别的概率，它们加起来等于 100 %。概率最高的类别就是预测。</translation>
        </message>
        <message>
            <source>No prediction. {hint}.</source>
            <translation>没有预测。{hint}。</translation>
        </message>
        <message>
            <source>Prediction: {name}, {probability}</source>
            <translation>预测：{name}，{probability}</translation>
        </message>
    </context>
    <context>
        <name>Prompt</name>
        <message>
            <source>Draw a digit</source>
            <translation>画一个数字</translation>
        </message>
        <message>
            <source>Draw a piece of clothing</source>
            <translation>画一件衣物</translation>
        </message>
        <message>
            <source>Draw one of: {classes}</source>
            <translation>画出以下之一：{classes}</translation>
        </message>
        <message>
            <source>{prompt} with the left mouse button; the right button erases.</source>
            <translation>用鼠标左键{prompt}；右键擦除。</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>Recipes</name>
        <message>
            <source>Default</source>
            <translation>默认</translation>
        </message>
        <message>
            <source>784-256-128 ReLU, 10 epochs: about 98 % on MNIST in about 10 s.</source>
            <translation>784-256-128 ReLU，10 轮：在 MNIST 上约 98 %，用时约 10 秒。</translation>
        </message>
        <message>
            <source>Quick</source>
            <translation>快速</translation>
        </message>
        <message>
            <source>784-512-256 ReLU, ±2-pixel random shifts (none on the 8×8 digits), 15 epochs on every training image (no validation split): about 99 % on MNIST in under 30 s.</source>
            <translation>784-512-256 ReLU，±2 像素随机平移（8×8 数字不平移），在全部训练图像上训练 15 轮（不划分验证集）：在 MNIST 上约 99 %，用时不到 30 秒。</translation>
        </message>
        <message>
            <source>Best</source>
            <translation>最佳</translation>
        </message>
        <message>
            <source>784-1024-512 ReLU, ±2-pixel random shifts (none on Fashion-MNIST, whose clothes are centred, nor on the 8×8 digits), batch 64, weight decay, 36 epochs on every training image (no validation split): about 99.3 % on MNIST and 90.7 % on Fashion-MNIST in under 5 minutes.</source>
            <translation>784-1024-512 ReLU，±2 像素随机平移（Fashion-MNIST 的衣物已居中，不平移；8×8 数字也不平移），批量 64，权重衰减，在全部训练图像上训练 36 轮（不划分验证集）：在 MNIST 上约 99.3 %，在 Fashion-MNIST 上约 90.7 %，用时不到 5 分钟。</translation>
        </message>
        <message>
            <source>unknown preset {name!r}; choose one of {names}</source>
            <translation>未知的预设 {name!r}；请从 {names} 中选择一个</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>The run {name} diverged and its model (its last good epoch's) was not saved.</source>
            <translation>运行 {name} 已发散，其模型（最后一个正常轮次的模型）未保存。</translation>
        </message>
        <message>
            <source>The run {name} finished training but its model was not saved.</source>
            <translation>运行 {name} 已完成训练，但其模型未保存。</translation>
        </message>
        <message>
            <source>The run {name} was interrupted at epoch {epoch} of {epochs}.</source>
            <translation>运行 {name} 在第 {epoch} 轮（共 {epochs} 轮）时中断。</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>no interrupted run {id!r} (there are: {known})</source>
            <translation>没有中断的运行 {id!r}（现有：{known}）</translation>
        </message>
        <message>
            <source>{id!r} could be any of {ids}</source>
            <translation>{id!r} 可能是 {ids} 中的任何一个</translation>
        </message>
        <message>
            <source>the run {name} cannot be resumed, only its model recovered</source>
            <translation>运行 {name} 无法继续，只能恢复其模型</translation>
        </message>
        <message>
            <source>the data of the run {name} has changed since it was interrupted, so it cannot go on as it would have; recover its model instead</source>
            <translation>运行 {name} 的数据在中断后已发生变化，无法按原样继续；请改为恢复其模型</translation>
        </message>
        <message>
            <source>the checkpoint {id} holds another network's weights</source>
            <translation>检查点 {id} 中保存的是另一个网络的权重</translation>
        </message>
        <message>
            <source>the checkpoint {id} holds another network's optimizer state</source>
            <translation>检查点 {id} 中保存的是另一个网络的优化器状态</translation>
        </message>
        <message>
            <source>the checkpoint {id} is incomplete ({error})</source>
            <translation>检查点 {id} 不完整（{error}）</translation>
        </message>
        <message>
            <source>{file} is not a complete checkpoint ({error})</source>
            <translation>{file} 不是完整的检查点（{error}）</translation>
        </message>
        <message>
            <source>{file} is not a complete checkpoint (its numbers are out of range)</source>
            <translation>{file} 不是完整的检查点（其中的数值超出范围）</translation>
        </message>
        <message>
            <source>{file} is not a digitpad checkpoint: {error}</source>
            <translation>{file} 不是 digitpad 检查点：{error}</translation>
        </message>
        <message>
            <source>{file} is not a digitpad checkpoint</source>
            <translation>{file} 不是 digitpad 检查点</translation>
        </message>
        <message>
            <source>{file} was written by another digitpad (checkpoint version {version})</source>
            <translation>{file} 由另一个版本的 digitpad 写入（检查点版本 {version}）</translation>
        </message>
        <message>
            <source>the model in {file}</source>
            <translation>{file} 中的模型</translation>
        </message>
        <message>
            <source>cannot read {file}: {error}</source>
            <translation>无法读取 {file}：{error}</translation>
        </message>
        <message>
            <source>its {entry} entry is too large</source>
            <translation>其 {entry} 条目过大</translation>
        </message>
        <message>
            <source>the checkpoint has no {entry}</source>
            <translation>检查点中没有 {entry}</translation>
        </message>
        <message>
            <source>its {entry} entry is damaged: {error}</source>
            <translation>其 {entry} 条目已损坏：{error}</translation>
        </message>
        <message>
            <source>Recover an interrupted run</source>
            <translation>恢复中断的运行</translation>
        </message>
        <message>
            <source>It was saved at {when} after epoch {epoch}. Recover the model to keep the weights of that epoch, or resume training to go on from there.</source>
            <translation>它保存于 {when}，在第 {epoch} 轮之后。恢复模型可保留该轮的权重，继续训练则从那里接着训练。</translation>
        </message>
        <message>
            <source>It was saved at {when} after epoch {epoch}. Recover the model to keep the weights of that epoch.</source>
            <translation>它保存于 {when}，在第 {epoch} 轮之后。恢复模型可保留该轮的权重。</translation>
        </message>
        <message>
            <source>Recover the model</source>
            <translation>恢复模型</translation>
        </message>
        <message>
            <source>Resume training</source>
            <translation>继续训练</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后</translation>
        </message>
        <message>
            <source>Open the model as it was after its last saved epoch (unsaved: save it to keep it)</source>
            <translation>打开最后保存的那一轮之后的模型（未保存：需保存才能保留）</translation>
        </message>
        <message>
            <source>Train on from that epoch; it ends as the run would have, never interrupted</source>
            <translation>从那一轮接着训练；结果与这次运行从未中断时完全一样</translation>
        </message>
        <message>
            <source>Delete what was saved of this run</source>
            <translation>删除这次运行已保存的内容</translation>
        </message>
        <message>
            <source>Ask again at the next start; `digitpad recover` lists it too</source>
            <translation>下次启动时再询问；`digitpad recover` 也会列出它</translation>
        </message>
        <message>
            <source>Cannot recover the run</source>
            <translation>无法恢复该运行</translation>
        </message>
        <message>
            <source>Recovered {name} after epoch {epoch}; save it to keep it.</source>
            <translation>已恢复 {name} 第 {epoch} 轮之后的模型；请保存以保留它。</translation>
        </message>
    </context>
    <context>
        <name>Registry</name>
        <message>
            <source>{name} is bundled with digitpad; it has no files to download or import</source>
            <translation>{name} 随 digitpad 附带；没有需要下载或导入的文件</translation>
        </message>
        <message>
            <source>{name} ({title}) is your own set in {folder}; there is nothing to download: add digits with Correct it under the probabilities or `digitpad data import --dataset {name} PATH`</source>
            <translation>{name}（{title}）是你自己在 {folder} 中的数字集；无需下载：可在概率下方用“纠正”添加数字，或使用 `digitpad data import --dataset {name} PATH`</translation>
        </message>
        <message>
            <source>{name} is a local dataset in {folder}, imported from a file; there is nothing to download: import the file again to replace it</source>
            <translation>{name} 是 {folder} 中从文件导入的本地数据集；无需下载：重新导入该文件即可替换它</translation>
        </message>
        <message>
            <source>unknown dataset {name!r}; known: {known}</source>
            <translation>未知的数据集 {name!r}；已知的有：{known}</translation>
        </message>
    </context>
    <context>
        <name>RunDetails</name>
        <message>
            <source>Uniform(−1, 1)</source>
            <translation>均匀分布(−1, 1)</translation>
        </message>
        <message>
            <source>Training loss</source>
            <translation>训练损失</translation>
        </message>
        <message>
            <source>Training accuracy</source>
            <translation>训练准确率</translation>
        </message>
        <message>
            <source>Validation loss</source>
            <translation>验证集损失</translation>
        </message>
        <message>
            <source>Validation accuracy</source>
            <translation>验证集准确率</translation>
        </message>
        <message>
            <source>Test accuracy</source>
            <translation>测试准确率</translation>
        </message>
        <message>
            <source>Test loss</source>
            <translation>测试损失</translation>
        </message>
        <message>
            <source>Final learning rate</source>
            <translation>最终学习率</translation>
        </message>
        <message>
            <source>the window</source>
            <translation>窗口</translation>
        </message>
        <message>
            <source>the command line</source>
            <translation>命令行</translation>
        </message>
        <message>
            <source>Completed after {done} of {epochs} epochs</source>
            <translation>完成了 {done} / {epochs} 轮</translation>
        </message>
        <message>
            <source>Completed after {epochs} epochs</source>
            <translation>完成了 {epochs} 轮</translation>
        </message>
        <message>
            <source>Started {when} from {where}</source>
            <translation>{when} 从{where}启动</translation>
        </message>
        <message>
            <source>Best validation accuracy</source>
            <translation>最佳验证集准确率</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>用时</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <source>Model saved as {path}</source>
            <translation>模型已保存为 {path}</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图像数</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>验证集</translation>
        </message>
        <message>
            <source>Random shift</source>
            <translation>随机平移</translation>
        </message>
        <message>
            <source>{shift} px</source>
            <translation>{shift} 像素</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>Hidden layers</source>
            <translation>隐藏层</translation>
        </message>
        <message>
            <source>none (a linear model)</source>
            <translation>无（线性模型）</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <source>Output + loss</source>
            <translation>输出 + 损失</translation>
        </message>
        <message>
            <source>Regression on label/10</source>
            <translation>对标签/10 的回归</translation>
        </message>
        <message>
            <source>Initialiser</source>
            <translation>初始化方法</translation>
        </message>
        <message>
            <source>Bias</source>
            <translation>偏置</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>Momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>学习率调度</translation>
        </message>
        <message>
            <source>Weight decay</source>
            <translation>权重衰减</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>批量大小</translation>
        </message>
        <message>
            <source>full</source>
            <translation>全批量</translation>
        </message>
        <message>
            <source>Sum gradients</source>
            <translation>梯度求和</translation>
        </message>
        <message>
            <source>Scale inputs</source>
            <translation>缩放输入</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>精度</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>{label}: {value}</source>
            <translation>{label}：{value}</translation>
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
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <source>epoch {epoch}/{epochs} · batch {batch}/{batches} · {time} left</source>
            <translation>第 {epoch}/{epochs} 轮 · 批量 {batch}/{batches} · 剩余 {time}</translation>
        </message>
        <message>
            <source>Epoch {epoch}/{epochs}: loss {loss:.4f}</source>
            <translation>第 {epoch}/{epochs} 轮：损失 {loss:.4f}</translation>
        </message>
        <message>
            <source>Epoch {epoch}/{epochs}: loss {loss:.4f}, validation accuracy {accuracy:.1%}</source>
            <translation>第 {epoch}/{epochs} 轮：损失 {loss:.4f}，验证集准确率 {accuracy:.1%}</translation>
        </message>
        <message>
            <source>{message} ({time}).</source>
            <translation>{message}（{time}）。</translation>
        </message>
        <message>
            <source>The form has the settings of {run} (Train trains a new network with them). Press Train (F5) to train it again.</source>
            <translation>表单中已填入 {run} 的设置（“训练”会用它们训练一个新网络）。按“训练”（F5）即可再次训练。</translation>
        </message>
        <message>
            <source>The form has the settings of {run}. Press Train (F5) to train it again.</source>
            <translation>表单中已填入 {run} 的设置。按“训练”（F5）即可再次训练。</translation>
        </message>
        <message>
            <source>“{choice}”</source>
            <translation>“{choice}”</translation>
        </message>
        <message>
            <source>Picked {choices} in the Lab ({fix}). Press Run with ticked fixes to try it.</source>
            <translation>已在实验室中选中 {choices}（{fix}）。单击“按所选修正运行”即可尝试。</translation>
        </message>
        <message>
            <source>Loading {source}…</source>
            <translation>正在加载 {source}…</translation>
        </message>
        <message>
            <source>Cannot resume the run</source>
            <translation>无法继续该运行</translation>
        </message>
        <message>
            <source>Its settings cannot be read: {error}</source>
            <translation>无法读取它的设置：{error}</translation>
        </message>
        <message>
            <source>Training needs the dataset; nothing was started.</source>
            <translation>训练需要该数据集；未开始任何操作。</translation>
        </message>
        <message>
            <source>The Lab shows {preset}, the preset of {run}: pick its choices and press Run to try it again.</source>
            <translation>实验室显示的是 {preset}，即 {run} 的预设：勾选它的选项并单击“按所选修正运行”即可再试一次。</translation>
        </message>
        <message>
            <source>The settings of {run} cannot be read: {error}</source>
            <translation>无法读取 {run} 的设置：{error}</translation>
        </message>
        <message>
            <source>Paused; press Resume (F6) to go on.</source>
            <translation>已暂停；按“继续”（F6）接着训练。</translation>
        </message>
        <message>
            <source>{change} from epoch {epoch}, batch {batch}.</source>
            <translation>{change}，自第 {epoch} 轮、批量 {batch} 起。</translation>
        </message>
        <message>
            <source>Applied {fix}. Press Train (F5) to try it.</source>
            <translation>已应用 {fix}。按“训练”（F5）即可尝试。</translation>
        </message>
        <message>
            <source>The lab has no choice that sets {fix}; try it on your own run in the Train tab.</source>
            <translation>实验室中没有能设置 {fix} 的选项；请在“训练”页中用你自己的运行来尝试。</translation>
        </message>
        <message>
            <source>Training {network}…</source>
            <translation>正在训练 {network}…</translation>
        </message>
        <message>
            <source>&lt;b&gt;Training: {name}&lt;/b&gt;&lt;br&gt;{network}</source>
            <translation>&lt;b&gt;训练：{name}&lt;/b&gt;&lt;br&gt;{network}</translation>
        </message>
        <message>
            <source>Resumed after epoch {epoch}; training goes on…</source>
            <translation>已从第 {epoch} 轮之后继续；训练进行中…</translation>
        </message>
        <message>
            <source>New untrained model {network}. Press Train (F5) to train it.</source>
            <translation>新的未训练模型 {network}。按“训练”（F5）开始训练。</translation>
        </message>
        <message>
            <source>Training diverged</source>
            <translation>训练发散</translation>
        </message>
        <message>
            <source>{run}: cannot start</source>
            <translation>{run}：无法启动</translation>
        </message>
        <message>
            <source>Training failed</source>
            <translation>训练失败</translation>
        </message>
        <message>
            <source> This run's record in the run history is incomplete: {error}</source>
            <translation>这次运行在运行历史中的记录不完整：{error}</translation>
        </message>
    </context>
    <context>
        <name>RunSettings</name>
        <message>
            <source>unknown output + loss {head!r}; choose one of {names}</source>
            <translation>未知的输出 + 损失 {head!r}；请从 {names} 中选择一个</translation>
        </message>
        <message>
            <source>a regression on label/10 needs the mean squared error loss</source>
            <translation>对标签/10 的回归需要使用均方误差损失</translation>
        </message>
        <message>
            <source>this network would have {n_params:,} parameters; at most {max_params:,} fit in memory comfortably</source>
            <translation>这个网络将有 {n_params:,} 个参数；内存最多只能宽裕地容纳 {max_params:,} 个</translation>
        </message>
        <message>
            <source>subset must be 0 (all) or a positive number of images, got {subset}</source>
            <translation>图像数必须为 0（全部）或正数，实际为 {subset}</translation>
        </message>
        <message>
            <source>{count:,} hidden layers are too many (at most {limit})</source>
            <translation>{count:,} 个隐藏层太多了（最多 {limit} 个）</translation>
        </message>
        <message>
            <source>hidden layers must be positive whole numbers separated by commas, e.g. 256,128; got {part!r}</source>
            <translation>隐藏层必须是以逗号分隔的正整数，例如 256,128；实际为 {part!r}</translation>
        </message>
        <message>
            <source>a hidden layer of {units} units is too large (at most {limit})</source>
            <translation>含 {units} 个单元的隐藏层太大（最多 {limit} 个）</translation>
        </message>
    </context>
    <context>
        <name>RunStore</name>
        <message>
            <source>cannot open the run history {path}: {reason}</source>
            <translation>无法打开运行历史 {path}：{reason}</translation>
        </message>
        <message>
            <source>SQLite found it damaged while reading it: {why}</source>
            <translation>SQLite 在读取时发现它已损坏：{why}</translation>
        </message>
        <message>
            <source>SQLite found it damaged while reading it</source>
            <translation>SQLite 在读取时发现它已损坏</translation>
        </message>
        <message>
            <source>it is another program's database</source>
            <translation>它是其他程序的数据库</translation>
        </message>
        <message>
            <source>the run history {path} was made by a newer digitpad (schema {version}, this one knows {known}); runs are not recorded until digitpad is updated</source>
            <translation>运行历史 {path} 由更新版本的 digitpad 创建（架构版本 {version}，此版本只认识 {known}）；在更新 digitpad 之前不会记录运行</translation>
        </message>
        <message>
            <source>it is not an SQLite database</source>
            <translation>它不是 SQLite 数据库</translation>
        </message>
        <message>
            <source>it is another program's database (application id {id:#x})</source>
            <translation>它是其他程序的数据库（应用程序 ID {id:#x}）</translation>
        </message>
        <message>
            <source>The run history {path} could not be read ({why}). It was moved aside to {aside} and a new one was started; nothing else was touched.</source>
            <translation>无法读取运行历史 {path}（{why}）。它已被移到 {aside}，并新建了一个运行历史；其他内容均未改动。</translation>
        </message>
        <message>
            <source>cannot write the run history {path}: {reason}; it is damaged and will be moved aside, and a new one started, when digitpad next opens it</source>
            <translation>无法写入运行历史 {path}：{reason}；它已损坏，digitpad 下次打开它时会将其移开并新建一个</translation>
        </message>
        <message>
            <source>cannot read the run history {path}: {reason}; it is damaged and will be moved aside, and a new one started, when digitpad next opens it</source>
            <translation>无法读取运行历史 {path}：{reason}；它已损坏，digitpad 下次打开它时会将其移开并新建一个</translation>
        </message>
        <message>
            <source>cannot write the run history {path}: {reason}</source>
            <translation>无法写入运行历史 {path}：{reason}</translation>
        </message>
        <message>
            <source>cannot read the run history {path}: {reason}</source>
            <translation>无法读取运行历史 {path}：{reason}</translation>
        </message>
        <message>
            <source>a run's name cannot be empty</source>
            <translation>运行名称不能为空</translation>
        </message>
        <message>
            <source>there is no run {run_id} in the run history</source>
            <translation>运行历史中没有运行 {run_id}</translation>
        </message>
    </context>
    <context>
        <name>RunSummary</name>
        <message>
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>diverged</source>
            <translation>已发散</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>已中断</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>stopped at epoch {epoch}, batch {batch}</source>
            <translation>停止于第 {epoch} 轮、批量 {batch}</translation>
        </message>
        <message>
            <source>stopped after epoch {epoch}</source>
            <translation>在第 {epoch} 轮后停止</translation>
        </message>
        <message>
            <source>interrupted at epoch {epoch} of {epochs}</source>
            <translation>中断于第 {epoch} 轮（共 {epochs} 轮）</translation>
        </message>
        <message>
            <source>running at epoch {epoch} of {epochs}</source>
            <translation>正在运行第 {epoch} 轮（共 {epochs} 轮）</translation>
        </message>
        <message>
            <source>failed at epoch {epoch} of {epochs}</source>
            <translation>失败于第 {epoch} 轮（共 {epochs} 轮）</translation>
        </message>
    </context>
    <context>
        <name>RunsFilters</name>
        <message>
            <source>Any time</source>
            <translation>任何时间</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <source>Any setup</source>
            <translation>任意配置</translation>
        </message>
        <message>
            <source>Custom settings</source>
            <translation>自定义设置</translation>
        </message>
        <message>
            <source>Recipe: {title}</source>
            <translation>配方：{title}</translation>
        </message>
        <message>
            <source>Lab (any)</source>
            <translation>实验室（任意）</translation>
        </message>
        <message>
            <source>Lab: {title}</source>
            <translation>实验室：{title}</translation>
        </message>
        <message>
            <source>Teach it my digits</source>
            <translation>用我的数字微调</translation>
        </message>
        <message>
            <source>All datasets</source>
            <translation>所有数据集</translation>
        </message>
        <message>
            <source>Show the runs on one dataset only</source>
            <translation>只显示在某一个数据集上的运行</translation>
        </message>
        <message>
            <source>Show the runs of one setup only: your own settings, a recipe, a lab preset, or Teach it my digits</source>
            <translation>只显示某一种配置的运行：你自己的设置、某个配方、某个实验室预设，或“用我的数字微调”</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>任意状态</translation>
        </message>
        <message>
            <source>Show the runs that ended one way only</source>
            <translation>只显示以某一种方式结束的运行</translation>
        </message>
        <message>
            <source>Show the runs started in this time only</source>
            <translation>只显示在此时间段内开始的运行</translation>
        </message>
        <message>
            <source>Search names, tags, networks</source>
            <translation>搜索名称、标记、网络</translation>
        </message>
        <message>
            <source>Show the runs whose name, a tag or network has this text in it</source>
            <translation>只显示名称、某个标记或网络中包含此文本的运行</translation>
        </message>
    </context>
    <context>
        <name>RunsList</name>
        <message>
            <source>Every recorded run. Tick runs to overlay their curves; F2 or a double-click renames a run or edits its tags; click a header to sort.</source>
            <translation>所有已记录的运行。勾选运行可叠加显示其曲线；按 F2 或双击可重命名运行或编辑其标记；单击表头可排序。</translation>
        </message>
    </context>
    <context>
        <name>RunsModel</name>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Val. acc.</source>
            <translation>验证集准确率</translation>
        </message>
        <message>
            <source>Test acc.</source>
            <translation>测试准确率</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>用时</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Tick a run to draw its curves over the current ones on the plots; F2 or a double-click renames it</source>
            <translation>勾选一次运行，即可在曲线图上把它的曲线叠加到当前曲线之上；按 F2 或双击可重命名</translation>
        </message>
        <message>
            <source>The best validation accuracy of any of its epochs (click to sort, best first)</source>
            <translation>它所有轮次中最佳的验证集准确率（单击排序，最佳的在前）</translation>
        </message>
        <message>
            <source>Accuracy on the test set, measured after the run (digitpad train, finetune and lab measure it)</source>
            <translation>运行结束后在测试集上测得的准确率（由 digitpad train、digitpad finetune 和 digitpad lab 测量）</translation>
        </message>
        <message>
            <source>When the run started (click to sort)</source>
            <translation>运行开始的时间（单击排序）</translation>
        </message>
        <message>
            <source>The images it trained on</source>
            <translation>它训练所用的图像</translation>
        </message>
        <message>
            <source>Layer sizes, activation and output</source>
            <translation>层的大小、激活函数和输出</translation>
        </message>
        <message>
            <source>Epochs done / planned</source>
            <translation>已完成轮数 / 计划轮数</translation>
        </message>
        <message>
            <source>Training time (click to sort)</source>
            <translation>训练用时（单击排序）</translation>
        </message>
        <message>
            <source>How the run ended</source>
            <translation>运行的结束方式</translation>
        </message>
        <message>
            <source>Your labels for the run, comma-separated: F2 or a double-click edits them; the search box finds them</source>
            <translation>你给这次运行加的标记，以逗号分隔：按 F2 或双击可编辑；搜索框可以找到它们</translation>
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
            <translation>错误率（对数刻度）</translation>
        </message>
        <message>
            <source>Show accuracy as the error rate, 100 − accuracy, on a log axis: 97 % and 99 % become 3 % and 1 %, far apart</source>
            <translation>把准确率显示为错误率（100 − 准确率），并使用对数坐标轴：97 % 和 99 % 变成 3 % 和 1 %，相差很远</translation>
        </message>
        <message>
            <source>Train again</source>
            <translation>再次训练</translation>
        </message>
        <message>
            <source>Fill the Train tab's form with this run's settings (a lab run: pick its preset in the Lab tab)</source>
            <translation>用这次运行的设置填写“训练”页的表单（实验室运行：请在“实验室”页中选择其预设）</translation>
        </message>
        <message>
            <source>Open its model</source>
            <translation>打开其模型</translation>
        </message>
        <message>
            <source>Open the model file saved from this run</source>
            <translation>打开这次运行保存的模型文件</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Save the selected run's per-epoch history (loss, accuracy, learning rate, time) as a CSV file</source>
            <translation>将所选运行的逐轮历史（损失、准确率、学习率、用时）保存为 CSV 文件</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Delete the selected runs from the run history (Delete key); saved model files stay</source>
            <translation>从运行历史中删除所选运行（Delete 键）；已保存的模型文件会保留</translation>
        </message>
        <message>
            <source>Not changed: {reason}</source>
            <translation>未更改：{reason}</translation>
        </message>
        <message>
            <source>Runs cannot be listed: {reason}</source>
            <translation>无法列出运行：{reason}</translation>
        </message>
        <message>
            <source>Export the history of {name}</source>
            <translation>导出 {name} 的历史</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <source>{name} is still training: it can be deleted once it has ended.</source>
            <translation>{name} 仍在训练：结束后才能删除。</translation>
        </message>
        <message>
            <source>Delete runs</source>
            <translation>删除运行</translation>
        </message>
        <message>
            <source>Open {path}</source>
            <translation>打开 {path}</translation>
        </message>
        <message>
            <source>Open the model file saved from this run (File ▸ Save after a run saves it)</source>
            <translation>打开这次运行保存的模型文件（运行结束后用“文件 ▸ 保存”即可保存）</translation>
        </message>
        <message>
            <source>Tick runs to overlay their curves on the plots.</source>
            <translation>勾选运行可在曲线图上叠加显示其曲线。</translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %n runs</source>
            <translation>
                <numerusform>{shown} / %n 次运行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n run</source>
            <translation>
                <numerusform>%n 次运行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n runs</source>
            <translation>
                <numerusform>%n 次运行</numerusform>
            </translation>
        </message>
        <message>
            <source>{runs}. {hint}</source>
            <translation>{runs}。{hint}</translation>
        </message>
        <message numerus="yes">
            <source>{runs} · %n ticked ({hidden} hidden by the filters). {hint}</source>
            <translation>
                <numerusform>{runs} · 已勾选 %n 项（{hidden} 项被筛选条件隐藏）。{hint}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{runs} · %n ticked. {hint}</source>
            <translation>
                <numerusform>{runs} · 已勾选 %n 项。{hint}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{names} and %n more</source>
            <translation>
                <numerusform>{names} 以及另外 %n 次</numerusform>
            </translation>
        </message>
        <message>
            <source>the run {names}</source>
            <translation>运行 {names}</translation>
        </message>
        <message numerus="yes">
            <source>%n runs ({names})</source>
            <translation>
                <numerusform>%n 次运行（{names}）</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete {what} from the run history? Their curves and numbers go for good; saved model files stay. Runs still training are kept.</source>
            <translation>要从运行历史中删除 {what} 吗？它们的曲线和数值将永久删除；已保存的模型文件会保留。仍在训练的运行不会被删除。</translation>
        </message>
        <message>
            <source>Delete {what} from the run history? Their curves and numbers go for good; saved model files stay.</source>
            <translation>要从运行历史中删除 {what} 吗？它们的曲线和数值将永久删除；已保存的模型文件会保留。</translation>
        </message>
    </context>
    <context>
        <name>SaliencyLegend</name>
        <message>
            <source>Saliency: the gradient of the top answer's score with respect to each pixel of your drawing. Red cells: more ink there raises the score; blue cells: more ink there lowers it. Stronger colour, stronger push. Draw ▸ Show saliency (S) turns it off.</source>
            <translation>显著性：最高答案的得分对你绘图中每个像素的梯度。红色格子：在那里多加墨迹会提高得分；蓝色格子：在那里多加墨迹会降低得分。颜色越深，推动越强。“绘图 ▸ 显示显著性”（S）可将其关闭。</translation>
        </message>
        <message>
            <source>Saliency: draw to see which pixels push the answer up (red) or down (blue).</source>
            <translation>显著性：绘图即可看到哪些像素把答案推高（红色）或压低（蓝色）。</translation>
        </message>
        <message>
            <source>{red} red: more ink here pushes {subject} up &amp;nbsp; {blue} blue: pushes it down</source>
            <translation>{red} 红色：这里多加墨迹会把{subject}推高 &amp;nbsp; {blue} 蓝色：会把它压低</translation>
        </message>
    </context>
    <context>
        <name>SettingsFields</name>
        <message>
            <source>softmax + cross-entropy</source>
            <translation>softmax + 交叉熵</translation>
        </message>
        <message>
            <source>sigmoid + binary cross-entropy</source>
            <translation>sigmoid + 二元交叉熵</translation>
        </message>
        <message>
            <source>sigmoid + mean squared error</source>
            <translation>sigmoid + 均方误差</translation>
        </message>
        <message>
            <source>identity + mean squared error</source>
            <translation>恒等 + 均方误差</translation>
        </message>
        <message>
            <source>SGD</source>
            <translation>SGD</translation>
        </message>
        <message>
            <source>SGD + momentum</source>
            <translation>SGD + 动量</translation>
        </message>
        <message>
            <source>Nesterov momentum</source>
            <translation>Nesterov 动量</translation>
        </message>
        <message>
            <source>Adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <source>constant</source>
            <translation>恒定</translation>
        </message>
        <message>
            <source>step</source>
            <translation>阶梯</translation>
        </message>
        <message>
            <source>cosine</source>
            <translation>余弦</translation>
        </message>
        <message>
            <source>A tested recipe for the network and its training; the dataset, number of images and seed stay yours. Changing any setting afterwards makes it Custom.</source>
            <translation>经过检验的网络及训练配方；数据集、图像数和随机种子仍由你决定。之后更改任何设置都会变为“自定义”。</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <source>Which images to train on. MNIST and Fashion-MNIST are downloaded on first use; the 8×8 digits always work offline; a CSV imported with `digitpad data import` is listed by its name.</source>
            <translation>用哪些图像训练。MNIST 和 Fashion-MNIST 在首次使用时下载；8×8 数字始终可以离线使用；用 digitpad 命令行导入的 CSV 按其名称列出。</translation>
        </message>
        <message>
            <source>Choose a CSV or IDX file…</source>
            <translation>选择 CSV 或 IDX 文件…</translation>
        </message>
        <message>
            <source>How many training images to use (the first N); 'all' uses every one. Small subsets train fast.</source>
            <translation>使用多少张训练图像（前 N 张）；“全部”表示使用每一张。小子集训练得快。</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Share of the training images held out (stratified by class) to measure validation loss and accuracy.</source>
            <translation>留出（按类别分层）的训练图像比例，用来测量验证集损失和准确率。</translation>
        </message>
        <message>
            <source> %</source>
            <translation> %</translation>
        </message>
        <message>
            <source>Augmentation: move each training image by a random offset of up to this many pixels, anew every epoch, so the net cannot rely on exact pixel positions. Counted in pixels of a 28×28 image and scaled down for smaller ones: on the 8×8 digits 1–3 px is off, 4–6 px is ±1, 7–8 px is ±2.</source>
            <translation>数据增强：每一轮都重新把每张训练图像随机平移最多这么多像素，使网络无法依赖精确的像素位置。以 28×28 图像的像素计，较小的图像按比例缩小：在 8×8 数字上，1–3 像素为关闭，4–6 像素为 ±1，7–8 像素为 ±2。</translation>
        </message>
        <message>
            <source> px</source>
            <translation> 像素</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>e.g. 256,128</source>
            <translation>例如 256,128</translation>
        </message>
        <message>
            <source>Hidden layer sizes, comma separated: 256,128 means two hidden layers. Empty means no hidden layer (a linear model).</source>
            <translation>隐藏层大小，用逗号分隔：256,128 表示两个隐藏层。留空表示没有隐藏层（线性模型）。</translation>
        </message>
        <message>
            <source>Activation of every hidden layer.</source>
            <translation>每个隐藏层的激活函数。</translation>
        </message>
        <message>
            <source>The output activation and the loss computed on it. Softmax + cross-entropy is the standard for classes.</source>
            <translation>输出激活函数以及在其上计算的损失。softmax + 交叉熵是分类的标准做法。</translation>
        </message>
        <message>
            <source>Regression: one output = label/10</source>
            <translation>回归：一个输出 = 标签/10</translation>
        </message>
        <message>
            <source>A single output unit that should equal label/10, as in a classic beginner set-up. Needs a mean squared error loss.</source>
            <translation>单个输出单元，其值应等于标签/10，这是一种经典的入门配置。需要使用均方误差损失。</translation>
        </message>
        <message>
            <source>How weights start: Uniform(−1, 1) and Normal(0, 0.01) ignore the layer size; Glorot suits sigmoid/tanh, He suits ReLU.</source>
            <translation>权重的初始值如何抽取：均匀分布(−1, 1) 和正态分布(0, 0.01) 不考虑层的大小；Glorot 适合 sigmoid/tanh，He 适合 ReLU。</translation>
        </message>
        <message>
            <source>Layers have a bias</source>
            <translation>各层带偏置</translation>
        </message>
        <message>
            <source>Add a bias b to every dense layer (y = xW + b).</source>
            <translation>为每个全连接层加上偏置 b（y = x·W + b）。</translation>
        </message>
        <message>
            <source>How the gradient becomes a weight update.</source>
            <translation>梯度如何变成权重更新。</translation>
        </message>
        <message>
            <source>Learning rate: the step size of each update.</source>
            <translation>学习率：每次更新的步长。</translation>
        </message>
        <message>
            <source>Momentum μ for SGD + momentum and Nesterov (ignored by SGD and Adam).</source>
            <translation>用于“SGD + 动量”和“Nesterov 动量”的动量 μ（SGD 和 Adam 会忽略它）。</translation>
        </message>
        <message>
            <source>How the learning rate changes over the run: constant, step (×0.1 at 30 %, 60 %, 90 %) or cosine decay to 0.</source>
            <translation>学习率在运行过程中如何变化：恒定、阶梯（在 30 %、60 %、90 % 处 ×0.1）或余弦衰减至 0。</translation>
        </message>
        <message>
            <source>L2 weight decay on weights (not biases).</source>
            <translation>对权重（不含偏置）施加 L2 权重衰减。</translation>
        </message>
        <message>
            <source>Images per gradient step (mini-batch size).</source>
            <translation>每个梯度步使用的图像数（小批量大小）。</translation>
        </message>
        <message>
            <source>full</source>
            <translation>全批量</translation>
        </message>
        <message>
            <source>Full-batch gradient descent: one step per epoch over every image.</source>
            <translation>全批量梯度下降：每轮在全部图像上只走一步。</translation>
        </message>
        <message>
            <source>Sum the gradient over the batch</source>
            <translation>对批量内的梯度求和</translation>
        </message>
        <message>
            <source>Sum instead of average: the step then grows with the batch size.</source>
            <translation>求和而不是取平均：这样步长会随批量大小增大。</translation>
        </message>
        <message>
            <source>Scale inputs to [0, 1]</source>
            <translation>将输入缩放到 [0, 1]</translation>
        </message>
        <message>
            <source>Divide pixel values by their maximum (255, or 16 for 8×8 digits).</source>
            <translation>将像素值除以其最大值（255，8×8 数字为 16）。</translation>
        </message>
        <message>
            <source>Passes over the training images.</source>
            <translation>遍历训练图像的轮数。</translation>
        </message>
        <message>
            <source>Seed for weights, split and shuffling: the same seed repeats a run exactly.</source>
            <translation>用于权重、数据划分和打乱顺序的随机种子：相同的随机种子可以完全重现一次运行。</translation>
        </message>
        <message>
            <source>Imported from {source}: {train:,} training images, {test:,} test images ({split})</source>
            <translation>导入自 {source}：{train:,} 张训练图像，{test:,} 张测试图像（{split}）</translation>
        </message>
        <message>
            <source>Only {count:,} training images in {dataset}: all of them will be used.</source>
            <translation>{dataset} 中只有 {count:,} 张训练图像：将全部使用。</translation>
        </message>
        <message>
            <source>Train on a file</source>
            <translation>用文件训练</translation>
        </message>
        <message>
            <source>Datasets (*.csv *.csv.gz *.gz *-ubyte);;All files (*)</source>
            <translation>数据集 (*.csv *.csv.gz *.gz *-ubyte);;所有文件 (*)</translation>
        </message>
        <message>
            <source>{title} (bundled)</source>
            <translation>{title}（内置）</translation>
        </message>
    </context>
    <context>
        <name>Teach</name>
        <message>
            <source>Teach it my digits</source>
            <translation>用我的数字微调</translation>
        </message>
        <message>
            <source>Teaching can start once the training has ended.</source>
            <translation>训练结束后才能开始微调。</translation>
        </message>
        <message>
            <source>Cannot teach this model</source>
            <translation>无法微调此模型</translation>
        </message>
        <message>
            <source>My digits cannot be read</source>
            <translation>无法读取“我的数字”</translation>
        </message>
        <message>
            <source>No digits of yours yet</source>
            <translation>还没有你的数字</translation>
        </message>
        <message>
            <source>Teaching needs MNIST's images; nothing was started.</source>
            <translation>微调需要 MNIST 的图像；未开始任何操作。</translation>
        </message>
        <message>
            <source>MNIST and My digits</source>
            <translation>MNIST 和我的数字</translation>
        </message>
        <message>
            <source>Loading MNIST and your digits, and measuring the model before it changes…</source>
            <translation>正在加载 MNIST 和你的数字，并在模型改变之前对其进行测量…</translation>
        </message>
        <message numerus="yes">
            <source>Training on MNIST mixed with your digits (%n epochs); the After column fills in when it ends.</source>
            <translation>
                <numerusform>正在用混入你的数字的 MNIST 训练（%n 轮）；结束后会填入“之后”一列。</numerusform>
            </translation>
        </message>
        <message>
            <source>The tuned model reads your drawings now; it is not saved yet. {result} ({duration}).</source>
            <translation>现在由微调后的模型识别你的绘图；它尚未保存。{result}（{duration}）。</translation>
        </message>
        <message>
            <source>Teaching ended before a tuned model was made; the model is as it was.</source>
            <translation>微调在生成微调后的模型之前就结束了；模型保持原样。</translation>
        </message>
        <message>
            <source>Back to the model before?</source>
            <translation>回到之前的模型？</translation>
        </message>
        <message>
            <source>The tuned model has edits by hand since; going back loses them. Go back to the model as it was before teaching?</source>
            <translation>微调后的模型此后又经过手动编辑；回退会丢失这些编辑。要回到微调之前的模型吗？</translation>
        </message>
        <message>
            <source>Back to the model as it was before teaching.</source>
            <translation>已回到微调之前的模型。</translation>
        </message>
        <message>
            <source>{text} Note: {note}.</source>
            <translation>{text} 注意：{note}。</translation>
        </message>
    </context>
    <context>
        <name>TrainConfig</name>
        <message>
            <source>epochs must be at least 1, got {epochs}</source>
            <translation>轮数必须至少为 1，实际为 {epochs}</translation>
        </message>
        <message>
            <source>batch size must be positive (or 0 for full batch), got {batch_size}</source>
            <translation>批量大小必须为正数（或为 0 表示全批量），实际为 {batch_size}</translation>
        </message>
        <message>
            <source>there are no training images</source>
            <translation>没有训练图像</translation>
        </message>
        <message>
            <source>batch size {batch_size} is larger than the {n_train} training images</source>
            <translation>批量大小 {batch_size} 超过了训练图像数 {n_train}</translation>
        </message>
        <message>
            <source>unknown optimizer {optimizer!r}; choose one of {names}</source>
            <translation>未知的优化器 {optimizer!r}；请从 {names} 中选择一个</translation>
        </message>
        <message>
            <source>learning rate must be a positive number up to {max_lr:g}, got {lr}</source>
            <translation>学习率必须是不超过 {max_lr:g} 的正数，实际为 {lr}</translation>
        </message>
        <message>
            <source>momentum must be in [0, 1), got {momentum}</source>
            <translation>动量必须在 [0, 1) 内，实际为 {momentum}</translation>
        </message>
        <message>
            <source>weight decay must be zero or positive, got {weight_decay}</source>
            <translation>权重衰减必须为零或正数，实际为 {weight_decay}</translation>
        </message>
        <message>
            <source>unknown schedule {schedule!r}; choose one of {names}</source>
            <translation>未知的学习率调度 {schedule!r}；请从 {names} 中选择一个</translation>
        </message>
        <message>
            <source>seed must be zero or a positive whole number, got {seed}</source>
            <translation>随机种子必须为零或正整数，实际为 {seed}</translation>
        </message>
        <message>
            <source>random shift must be 0 to {max_shift} pixels (of a 28×28 image), got {shift}</source>
            <translation>随机平移必须在 0 到 {max_shift} 像素之间（以 28×28 图像计），实际为 {shift}</translation>
        </message>
        <message>
            <source>validation share must be in [0, 1), got {validation}</source>
            <translation>验证集比例必须在 [0, 1) 内，实际为 {validation}</translation>
        </message>
    </context>
    <context>
        <name>Trainer</name>
        <message>
            <source>a run can record at most {limit:,} changes</source>
            <translation>一次运行最多只能记录 {limit:,} 次更改</translation>
        </message>
        <message>
            <source>trained for {epochs} epochs</source>
            <translation>已训练 {epochs} 轮</translation>
        </message>
        <message>
            <source>stopped by the user after {epochs} full epochs</source>
            <translation>用户在完整训练 {epochs} 轮后停止</translation>
        </message>
        <message>
            <source>stopped by the user in epoch {epoch}, after batch {batch} ({epochs} full epochs)</source>
            <translation>用户在第 {epoch} 轮的批量 {batch} 之后停止（已完整训练 {epochs} 轮）</translation>
        </message>
        <message>
            <source>the weights became NaN or infinite in the last update of epoch {epoch}</source>
            <translation>权重在第 {epoch} 轮的最后一次更新中变为 NaN 或无穷大</translation>
        </message>
        <message>
            <source>the weights became NaN or infinite in the last update of epoch {epoch}; first non-finite values in {name} (layer {layer})</source>
            <translation>权重在第 {epoch} 轮的最后一次更新中变为 NaN 或无穷大；最先出现非有限值的是 {name}（第 {layer} 层）</translation>
        </message>
        <message>
            <source>loss became NaN or infinite in epoch {epoch}, batch {batch}</source>
            <translation>损失在第 {epoch} 轮、批量 {batch} 变为 NaN 或无穷大</translation>
        </message>
        <message>
            <source>loss became NaN or infinite in epoch {epoch}, batch {batch}; first non-finite values in {name} (layer {layer})</source>
            <translation>损失在第 {epoch} 轮、批量 {batch} 变为 NaN 或无穷大；最先出现非有限值的是 {name}（第 {layer} 层）</translation>
        </message>
        <message>
            <source>{what}. Restored the weights from the end of epoch {epochs}; the learning rate (or weight decay) is probably too large</source>
            <translation>{what}。已恢复第 {epochs} 轮结束时的权重；学习率（或权重衰减）可能过大</translation>
        </message>
        <message>
            <source>{what}. Restored the initial weights; the learning rate (or weight decay) is probably too large</source>
            <translation>{what}。已恢复初始权重；学习率（或权重衰减）可能过大</translation>
        </message>
        <message>
            <source>{key} must be a number, got {value!r}</source>
            <translation>{key} 必须是数字，实际为 {value!r}</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <source>Locked while training runs: the network and data of a run are fixed. Stop the run to change it.</source>
            <translation>训练进行中已锁定：一次运行的网络和数据是固定的。停止运行后才能更改。</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图像数</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>验证集</translation>
        </message>
        <message>
            <source>Random shift</source>
            <translation>随机平移</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>Hidden layers</source>
            <translation>隐藏层</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <source>Output + loss</source>
            <translation>输出 + 损失</translation>
        </message>
        <message>
            <source>Initialiser</source>
            <translation>初始化方法</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>Momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>学习率调度</translation>
        </message>
        <message>
            <source>Weight decay</source>
            <translation>权重衰减</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>批量大小</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>Start training (F5)</source>
            <translation>开始训练（F5）</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Pause or resume training; takes effect within one batch (F6)</source>
            <translation>暂停或继续训练；在一个批量之内生效（F6）</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Stop training after the current batch (Shift+F5)</source>
            <translation>在当前批量结束后停止训练（Shift+F5）</translation>
        </message>
        <message>
            <source>Progress of the run: epochs, batches and time left</source>
            <translation>运行进度：轮次、批量和剩余时间</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <source>Locked while training runs: {optimizer} ignores momentum, which only moves SGD + momentum and Nesterov; the optimizer of a run is fixed.</source>
            <translation>训练进行中已锁定：{optimizer} 会忽略动量，动量只对“SGD + 动量”和“Nesterov 动量”起作用；一次运行的优化器是固定的。</translation>
        </message>
        <message>
            <source>Locked while training runs: this optimizer ignores momentum, which only moves SGD + momentum and Nesterov; the optimizer of a run is fixed.</source>
            <translation>训练进行中已锁定：这个优化器会忽略动量，动量只对“SGD + 动量”和“Nesterov 动量”起作用；一次运行的优化器是固定的。</translation>
        </message>
        <message>
            <source>{tip}
Can change while training runs: the new value applies from the next mini-batch.</source>
            <translation>{tip}
训练进行中也可以更改：新值从下一个小批量起生效。</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>继续</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlots</name>
        <message>
            <source>validation</source>
            <translation>验证集</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <source>Loss while training: grey = every mini-batch, blue line = their moving average (the mean of the last {window} mini-batches), dots = mean training loss and validation loss per epoch.
Click a line's swatch in the legend to hide or show it. Right-click for a log scale, the grid and export.</source>
            <translation>训练中的损失：灰色 = 每个小批量，蓝线 = 它们的移动平均（最近 {window} 个小批量的均值），圆点 = 每轮的平均训练损失和验证集损失。
单击图例中曲线的色块可隐藏或显示该曲线。右键可设置对数刻度、网格和导出。</translation>
        </message>
        <message>
            <source>batch loss</source>
            <translation>批量损失</translation>
        </message>
        <message>
            <source>moving average</source>
            <translation>移动平均</translation>
        </message>
        <message>
            <source>train (epoch mean)</source>
            <translation>训练集（每轮平均）</translation>
        </message>
        <message>
            <source>Different losses: not comparable</source>
            <translation>损失不同：不可比较</translation>
        </message>
        <message>
            <source>These runs compute different losses ({losses}): their values measure different things, so a lower curve is not a better run. Compare their accuracy instead.</source>
            <translation>这些运行计算的是不同的损失（{losses}）：它们的数值衡量的是不同的东西，所以曲线更低并不代表运行更好。请改为比较它们的准确率。</translation>
        </message>
        <message>
            <source>batch average</source>
            <translation>批量平均</translation>
        </message>
        <message>
            <source>accuracy (%)</source>
            <translation>准确率（%）</translation>
        </message>
        <message>
            <source>Share of images classified correctly after each epoch, on the training data and on the held-out validation data.
A widening gap between them is overfitting.
Right-click for the error rate on a log scale (which spreads out 90–100 %), the grid and export.</source>
            <translation>每轮之后被正确分类的图像比例，分别在训练数据和留出的验证集数据上计算。
两者差距不断扩大就是过拟合。
右键可切换为对数刻度的错误率（可把 90–100 % 拉开）、设置网格和导出。</translation>
        </message>
        <message>
            <source>train</source>
            <translation>训练集</translation>
        </message>
        <message>
            <source>Error rate on a log scale</source>
            <translation>对数刻度的错误率</translation>
        </message>
        <message>
            <source>Show 100 % − accuracy on a log scale: 92 %, 99 % and 99.9 % accuracy become 8 %, 1 % and 0.1 % error, a decade apart, where a 0–100 % axis squashes them together.</source>
            <translation>以对数刻度显示 100 % − 准确率：92 %、99 % 和 99.9 % 的准确率变为 8 %、1 % 和 0.1 % 的错误率，彼此相差一个数量级；而 0–100 % 的坐标轴会把它们挤在一起。</translation>
        </message>
        <message>
            <source>error rate (%)</source>
            <translation>错误率（%）</translation>
        </message>
    </context>
    <context>
        <name>TrainingSession</name>
        <message>
            <source>Stopped before training started.</source>
            <translation>训练开始前已停止。</translation>
        </message>
        <message>
            <source>Not enough memory for this network and data; try fewer or smaller layers, a smaller batch or a subset.</source>
            <translation>内存不足，无法容纳这个网络和数据；请尝试更少或更小的层、更小的批量或一个子集。</translation>
        </message>
        <message>
            <source>Training failed: {error}</source>
            <translation>训练失败：{error}</translation>
        </message>
    </context>
    <context>
        <name>TrainingWorker</name>
        <message>
            <source>lr</source>
            <translation>学习率</translation>
        </message>
        <message>
            <source>momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <source>weight decay</source>
            <translation>权重衰减</translation>
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
            <translation>训练结束后才能关闭单元：训练进行时，视图会逐轮跟随该运行的网络。</translation>
        </message>
        <message>
            <source>the output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>“{name}”</source>
            <translation>“{name}”</translation>
        </message>
        <message>
            <source>The test accuracy comes when the training has ended.</source>
            <translation>训练结束后才会显示测试准确率。</translation>
        </message>
        <message>
            <source>The test images this unit responds to most come when the training has ended.</source>
            <translation>训练结束后才会显示这个单元响应最强的测试图像。</translation>
        </message>
        <message>
            <source>The test images of the model’s dataset are not on this computer, so the images this unit responds to most cannot be shown.</source>
            <translation>模型所用数据集的测试图像不在这台计算机上，因此无法显示这个单元响应最强的图像。</translation>
        </message>
        <message>
            <source>The test images of {dataset} are not on this computer, so the images this unit responds to most cannot be shown.</source>
            <translation>{dataset} 的测试图像不在这台计算机上，因此无法显示这个单元响应最强的图像。</translation>
        </message>
        <message>
            <source>Finding the test images this unit responds to most…</source>
            <translation>正在查找这个单元响应最强的测试图像…</translation>
        </message>
        <message>
            <source>Passing the test images through the network…</source>
            <translation>正在让测试图像通过网络…</translation>
        </message>
        <message>
            <source>Passing the test images through the network… {share:.0%}</source>
            <translation>正在让测试图像通过网络… {share:.0%}</translation>
        </message>
        <message>
            <source>computing…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <source>No test accuracy: {error}</source>
            <translation>没有测试准确率：{error}</translation>
        </message>
    </context>
    <context>
        <name>UnitPanel</name>
        <message>
            <source>Point at a unit to see what it does; click to keep it here; Ctrl+click switches it off.</source>
            <translation>指向一个单元可查看它的作用；单击可将其固定在这里；Ctrl+单击可关闭它。</translation>
        </message>
        <message>
            <source>Its strongest weights to the units (#) of the next layer, and the classes whose score its output raises and lowers most on this drawing: how far the score moves per unit of output (for the last hidden layer, its weights to the classes).</source>
            <translation>它到下一层各单元（#）的最强权重，以及在这张绘图上它的输出最能提高和降低其得分的类别：输出每变化一个单位，得分移动多少（对最后一个隐藏层而言，即它到各类别的权重）。</translation>
        </message>
        <message>
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>{name} {effect}</source>
            <translation>{name} {effect}</translation>
        </message>
        <message>
            <source>This unit's incoming weights from the layer below, sorted from largest to smallest: orange above 0, blue below.</source>
            <translation>这个单元来自前一层的输入权重，从大到小排序：橙色大于 0，蓝色小于 0。</translation>
        </message>
        <message>
            <source>incoming, sorted</source>
            <translation>输入权重（已排序）</translation>
        </message>
        <message>
            <source>The test images on which this unit's activation (before its gain) is largest, largest first: what the unit responds to.</source>
            <translation>使这个单元的激活值（乘以增益之前）最大的测试图像，从大到小排列：即这个单元所响应的内容。</translation>
        </message>
        <message>
            <source>The unit's output on this drawing (its activation times its gain) and the weighted sum of its inputs plus its bias it came from.</source>
            <translation>这个单元在这张绘图上的输出（激活值乘以增益），以及得出它的输入加权和加偏置。</translation>
        </message>
        <message>
            <source>On</source>
            <translation>开启</translation>
        </message>
        <message>
            <source>Untick to switch this unit off: it outputs 0 for every drawing</source>
            <translation>取消勾选可关闭这个单元：它对任何绘图都输出 0</translation>
        </message>
        <message>
            <source>× gain: scales this unit's output (1 as trained, 0 switches it off)</source>
            <translation>× 增益：缩放这个单元的输出（1 为训练所得的原值，0 即关闭）</translation>
        </message>
        <message>
            <source>× gain</source>
            <translation>× 增益</translation>
        </message>
        <message>
            <source>Reset edits</source>
            <translation>重置编辑</translation>
        </message>
        <message>
            <source>Every unit back on at gain 1 (and any step taken on one drawing undone): the network as trained</source>
            <translation>所有单元重新开启、增益恢复为 1（并撤销在单张绘图上执行的步）：即训练所得的原始网络</translation>
        </message>
        <message>
            <source>The share of the test images the network classifies correctly with its units as edited, and as trained</source>
            <translation>网络在单元编辑后以及训练所得的原始状态下，正确分类的测试图像所占的比例</translation>
        </message>
        <message>
            <source>hidden {layer} · unit {unit}</source>
            <translation>隐藏层 {layer} · 单元 {unit}</translation>
        </message>
        <message>
            <source>activation {activation:.3g}
pre-activation {pre_activation:.3g}</source>
            <translation>激活值 {activation:.3g}
激活前值 {pre_activation:.3g}</translation>
        </message>
        <message>
            <source>{effects}

On every class: {every}</source>
            <translation>{effects}

对每个类别：{every}</translation>
        </message>
        <message>
            <source>Test accuracy {accuracy} (as trained {trained})</source>
            <translation>测试准确率 {accuracy}（原始 {trained}）</translation>
        </message>
        <message>
            <source>Test accuracy {accuracy}</source>
            <translation>测试准确率 {accuracy}</translation>
        </message>
        <message>
            <source>incoming</source>
            <translation>输入权重</translation>
        </message>
        <message>
            <source>This unit's incoming weights, one per input pixel: orange where ink raises its sum, blue where ink lowers it.</source>
            <translation>这个单元的输入权重，每个输入像素一个：橙色表示墨迹会提高其加权和，蓝色表示墨迹会降低它。</translation>
        </message>
        <message>
            <source>to hidden {layer}</source>
            <translation>到隐藏层 {layer}</translation>
        </message>
        <message>
            <source>#{unit} {weight}</source>
            <translation>#{unit} {weight}</translation>
        </message>
        <message>
            <source>raises</source>
            <translation>提高</translation>
        </message>
        <message>
            <source>lowers</source>
            <translation>降低</translation>
        </message>
    </context>
    <context>
        <name>WeightsView</name>
        <message>
            <source>Each tile is one first-layer unit's incoming weights, one per input pixel: red = positive (ink there excites the unit), blue = negative (ink there inhibits it), white = about 0.</source>
            <translation>每个图块是第一层一个单元的输入权重，每个输入像素一个：红色 = 正（那里的墨迹会激发该单元），蓝色 = 负（那里的墨迹会抑制它），白色 = 约为 0。</translation>
        </message>
        <message>
            <source>unit {unit}: weights from {low:+.3f} to {high:+.3f}
colour scale ±{scale:.3f}</source>
            <translation>单元 {unit}：权重从 {low:+.3f} 到 {high:+.3f}
色标 ±{scale:.3f}</translation>
        </message>
        <message>
            <source>Colour of a weight: blue negative, white zero, red positive, symmetric around 0</source>
            <translation>权重的颜色：蓝色为负，白色为零，红色为正，以 0 为中心对称</translation>
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
            <translation>所有单元使用同一色标</translation>
        </message>
        <message>
            <source>Off: each tile uses its own largest |weight|, so every pattern is visible.
On: one scale for all, so units with small weights look pale.</source>
            <translation>关闭：每个图块使用自身最大的 |权重|，因此每种模式都清晰可见。
开启：所有图块使用同一色标，因此权重较小的单元看起来较淡。</translation>
        </message>
        <message>
            <source>Incoming weights of the first hidden layer, first {k} of {n:,} units: each tile is one unit's {size} weights laid out as the {h}×{w} input image.</source>
            <translation>第一个隐藏层的输入权重，{n:,} 个单元中的前 {k} 个：每个图块是一个单元的 {size} 个权重，按 {h}×{w} 的输入图像排列。</translation>
        </message>
        <message numerus="yes">
            <source>Incoming weights of the first hidden layer, all %n units: each tile is one unit's {size} weights laid out as the {h}×{w} input image.</source>
            <translation>
                <numerusform>第一个隐藏层的输入权重，全部 %n 个单元：每个图块是一个单元的 {size} 个权重，按 {h}×{w} 的输入图像排列。</numerusform>
            </translation>
        </message>
        <message>
            <source>Incoming weights of the output layer (this network has no hidden layer), first {k} of {n:,} units: each tile is one unit's {size} weights laid out as the {h}×{w} input image.</source>
            <translation>输出层的输入权重（这个网络没有隐藏层），{n:,} 个单元中的前 {k} 个：每个图块是一个单元的 {size} 个权重，按 {h}×{w} 的输入图像排列。</translation>
        </message>
        <message numerus="yes">
            <source>Incoming weights of the output layer (this network has no hidden layer), all %n units: each tile is one unit's {size} weights laid out as the {h}×{w} input image.</source>
            <translation>
                <numerusform>输出层的输入权重（这个网络没有隐藏层），全部 %n 个单元：每个图块是一个单元的 {size} 个权重，按 {h}×{w} 的输入图像排列。</numerusform>
            </translation>
        </message>
        <message>
            <source>Red pixels excite the unit when inked, blue ones inhibit it. Hover a tile for its values.</source>
            <translation>红色像素有墨迹时会激发该单元，蓝色像素则会抑制它。将鼠标悬停在图块上可查看其数值。</translation>
        </message>
    </context>
    <context>
        <name>WindowRecording</name>
        <message>
            <source>Run {id} · {label}</source>
            <translation>运行 {id} · {label}</translation>
        </message>
        <message>
            <source>Run {id}</source>
            <translation>运行 {id}</translation>
        </message>
    </context>
</TS>
