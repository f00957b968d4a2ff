import type { LectureInfo } from './courseTypes';

/**
 * Outline of lectures 2-12, derived from the course notes (shared/course-notes.txt).
 * Summaries are paraphrased; formulas follow the notes' symbols, with errors in the
 * notes corrected and explained in `erratum`.
 */
export const LECTURES: LectureInfo[] = [
  // ---------------------------------------------------------------- Lecture 2
  {
    number: 2,
    slug: '02-ml-basics',
    title: 'Machine Learning Basics',
    topics: [
      'Nearest-neighbour classifier',
      'Train / validation / test splits',
      'Supervised vs unsupervised learning',
      'Linear regression and least squares',
      'Maximum likelihood estimation',
      'Logistic regression and binary cross-entropy',
    ],
    sections: [
      {
        id: 'nearest-neighbour',
        title: 'A Simple Classifier: Nearest Neighbour',
        summary:
          'The simplest image classifier gives a new sample the label of the closest training samples. Its behaviour is controlled by hyperparameters: the distance used to measure closeness (L1 or L2) and how many neighbours k take part in the vote. Good values for these choices depend on the problem at hand.',
        formulas: [String.raw`d_{L1}(x, c) = |x - c|`, String.raw`d_{L2}(x, c) = \|x - c\|_2`],
      },
      {
        id: 'data-splits',
        title: 'Learning from Data: Train, Validation and Test Sets',
        summary:
          'Classifying images of cats and dogs is learned from experience, that is, from labelled data, and success is measured by accuracy. The data is divided into a training set (about 60%) for fitting the model parameters, a validation set (about 20%) for choosing hyperparameters, and a test set (about 20%) that is evaluated only once at the very end. Other ratios such as 80/10/10 are also common.',
      },
      {
        id: 'supervised-unsupervised',
        title: 'Supervised vs Unsupervised Learning',
        summary:
          'In unsupervised learning there are no labels; the goal is to discover structure in the data, for example with clustering, k-means or PCA. In supervised learning every input comes with a label or target class, and the model learns the mapping from inputs to labels.',
      },
      {
        id: 'linear-regression',
        title: 'Linear Regression and Linear Prediction',
        summary:
          'Linear regression is a supervised method that explains a target y as a weighted sum of the input features plus a bias. Each of the d features gets one weight, and stacking all n samples as rows of a design matrix with a leading column of ones turns the prediction into a single matrix-vector product.',
        formulas: [
          String.raw`\hat{y}_i = \sum_{j=1}^d x_{ij} \theta_j`,
          String.raw`\hat{y}_i = \theta_0 + \sum_{j=1}^d x_{ij} \theta_j = \theta_0 + x_{i1} \theta_1 + x_{i2} \theta_2 + \dots + x_{id} \theta_d`,
          String.raw`\hat{\mathbf{y}} = \mathbf{X}\theta, \qquad \begin{bmatrix} \hat{y}_1 \\ \vdots \\ \hat{y}_n \end{bmatrix} = \begin{bmatrix} 1 & x_{11} & \dots & x_{1d} \\ \vdots & \vdots & \ddots & \vdots \\ 1 & x_{n1} & \dots & x_{nd} \end{bmatrix} \begin{bmatrix} \theta_0 \\ \theta_1 \\ \vdots \\ \theta_d \end{bmatrix}`,
        ],
      },
      {
        id: 'building-temperature',
        title: 'Worked Example: Temperature of a Building',
        summary:
          'The temperature inside a building is modelled from four inputs: the outside temperature, the humidity, the number of people and the sun exposure, plus a bias. With the weights from the notes, two example rows give predicted temperatures of 25.2 and -4.8 degrees.',
        formulas: [
          String.raw`\begin{bmatrix} \hat{y}_1 \\ \hat{y}_2 \end{bmatrix} = \begin{bmatrix} 1 & 25 & 50 & 2 & 50 \\ 1 & -10 & 50 & 0 & 10 \end{bmatrix} \cdot \begin{bmatrix} 0.2 \\ 0.64 \\ 0 \\ 1 \\ 0.14 \end{bmatrix} = \begin{bmatrix} 25.2 \\ -4.8 \end{bmatrix}`,
        ],
      },
      {
        id: 'loss-and-optimization',
        title: 'Obtaining the Model: Loss Function and Optimization',
        summary:
          'Fitting a model needs two ingredients. A loss function scores how far the predictions are from the labels, and an optimization method changes the parameters so that this score goes down. For regression the standard choice is the mean squared error over the n training samples.',
        formulas: [String.raw`J(\theta) = \frac{1}{n} \sum_{i=1}^n (\hat{y}_i - y_i)^2`],
      },
      {
        id: 'linear-least-squares',
        title: 'Linear Least Squares and the Closed-Form Solution',
        summary:
          'Least squares fits the linear model by minimising the mean squared error. The problem is convex, so setting the gradient to zero gives a closed-form solution, the normal equations, which is unique when the matrix X-transpose-X is invertible.',
        formulas: [
          String.raw`\min_{\theta} J(\theta) = \frac{1}{n} \sum_{i=1}^n (\hat{y}_i - y_i)^2 = \frac{1}{n} \sum_{i=1}^n (\mathbf{x}_i \theta - y_i)^2`,
          String.raw`\min_{\theta} J(\theta) = (\mathbf{X}\theta - \mathbf{y})^T (\mathbf{X}\theta - \mathbf{y})`,
          String.raw`\frac{\partial J(\theta)}{\partial \theta} = 2\mathbf{X}^T \mathbf{X}\theta - 2\mathbf{X}^T \mathbf{y} = 0`,
          String.raw`\theta = (\mathbf{X}^T \mathbf{X})^{-1} \mathbf{X}^T \mathbf{y}`,
        ],
        erratum:
          'The notes write the matrix form with a lower-case x, (xθ − y)ᵀ(xθ − y), and the gradient as 2Xᵀxθ − 2Xᵀy. Both must use the design matrix X: J(θ) = (Xθ − y)ᵀ(Xθ − y) and ∂J/∂θ = 2XᵀXθ − 2Xᵀy (the dropped 1/n factor does not change the minimiser).',
      },
      {
        id: 'maximum-likelihood',
        title: 'Maximum Likelihood Estimation',
        summary:
          'Maximum likelihood picks the parameters under which the observed labels are most probable according to the model. Assuming the samples are independent and identically distributed, the likelihood factorises into a product over samples, and taking the logarithm turns that product into an easier sum.',
        formulas: [
          String.raw`\boldsymbol{\theta}_{ML} = \arg \max_{\boldsymbol{\theta}} p_{model}(\mathbf{y}|\mathbf{X}, \boldsymbol{\theta})`,
          String.raw`p_{model}(\mathbf{y}|\mathbf{X}, \boldsymbol{\theta}) = \prod_{i=1}^n p_{model}(y_i|\mathbf{x}_i, \boldsymbol{\theta})`,
          String.raw`\boldsymbol{\theta}_{ML} = \arg \max_{\boldsymbol{\theta}} \sum_{i=1}^n \log p_{model}(y_i|\mathbf{x}_i, \boldsymbol{\theta})`,
        ],
      },
      {
        id: 'mle-gaussian-noise',
        title: 'Back to Linear Regression: Gaussian Noise',
        summary:
          'If each label equals the linear prediction plus zero-mean Gaussian noise, every label is normally distributed around its prediction. Plugging this density into the log-likelihood leaves a constant minus a scaled sum of squared residuals, so maximising the likelihood is the same as minimising the least-squares loss.',
        formulas: [
          String.raw`y_i = \mathbf{x}_i \boldsymbol{\theta} + \epsilon_i, \quad \epsilon_i \sim \mathcal{N}(0, \sigma^2) \;\Rightarrow\; y_i \sim \mathcal{N}(\mathbf{x}_i \boldsymbol{\theta}, \sigma^2)`,
          String.raw`p(y_i|\mathbf{x}_i, \boldsymbol{\theta}) = (2\pi\sigma^2)^{-1/2} e^{-\frac{1}{2\sigma^2}(y_i - \mathbf{x}_i \boldsymbol{\theta})^2}`,
          String.raw`\sum_{i=1}^n \log p(y_i|\mathbf{x}_i, \boldsymbol{\theta}) = -\frac{n}{2}\log(2\pi\sigma^2) - \frac{1}{2\sigma^2}\sum_{i=1}^n (y_i - \mathbf{x}_i \boldsymbol{\theta})^2`,
        ],
        erratum:
          'The notes call the noise term σ_i (y_i = x_iθ + σ_i with σ_i ~ N(0, σ²)), which clashes with the standard deviation σ. It is clearer to name the noise ε_i: y_i = x_iθ + ε_i with ε_i ~ N(0, σ²).',
      },
      {
        id: 'regression-vs-classification',
        title: 'Regression vs Classification',
        summary:
          'Regression predicts a continuous quantity such as a room temperature. Classification predicts a discrete label: either one of two values in binary classification or one of N classes in multi-class classification.',
      },
      {
        id: 'logistic-regression',
        title: 'Logistic Regression: Sigmoid and Likelihood',
        summary:
          'For binary labels the linear score is squashed by the sigmoid into a probability between 0 and 1. Each label is then modelled as a Bernoulli outcome, and the likelihood of the whole dataset is the product of these Bernoulli probabilities, whose logarithm we want to maximise.',
        formulas: [
          String.raw`\hat{y}_i = \sigma(\mathbf{x}_i \boldsymbol{\theta}), \qquad \sigma(s) = \frac{1}{1 + e^{-s}}`,
          String.raw`p(\mathbf{y}|\mathbf{X}, \boldsymbol{\theta}) = \prod_{i=1}^n \hat{y}_i^{y_i} (1 - \hat{y}_i)^{1-y_i}`,
          String.raw`\log p(\mathbf{y}|\mathbf{X}, \boldsymbol{\theta}) = \sum_{i=1}^n y_i \log \hat{y}_i + (1 - y_i) \log (1 - \hat{y}_i)`,
        ],
        erratum:
          'The notes write p(y|X, θ) = ŷ = ∏ ŷ_i^{y_i}(1 − ŷ_i)^{1−y_i}. The likelihood is the product itself, not the prediction vector ŷ, so the "= ŷ" should be dropped.',
      },
      {
        id: 'binary-cross-entropy',
        title: 'Binary Cross-Entropy Loss and Cost',
        summary:
          'Maximising the log-likelihood is the same as minimising its negative, which gives the binary cross-entropy loss per sample. The cost averages this loss over the dataset. Unlike least squares there is no closed-form minimiser, so logistic regression is trained iteratively with gradient descent.',
        formulas: [
          String.raw`\mathcal{L}(\hat{y}_i, y_i) = -[y_i \log \hat{y}_i + (1 - y_i) \log (1 - \hat{y}_i)]`,
          String.raw`y_i = 1 \;\Rightarrow\; \mathcal{L}(\hat{y}_i, 1) = -\log \hat{y}_i`,
          String.raw`\mathcal{C}(\boldsymbol{\theta}) = \frac{1}{n} \sum_{i=1}^n \mathcal{L}(\hat{y}_i, y_i) = -\frac{1}{n} \sum_{i=1}^n \left[ y_i \log \hat{y}_i + (1 - y_i) \log (1 - \hat{y}_i) \right]`,
        ],
        erratum:
          'The notes write C(θ) = −(1/n) Σ L(ŷ_i, y_i), but L already contains the minus sign, so that cost would be maximised instead of minimised. Correct: C(θ) = (1/n) Σ L(ŷ_i, y_i) = −(1/n) Σ [y_i log ŷ_i + (1 − y_i) log(1 − ŷ_i)].',
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 3
  {
    number: 3,
    slug: '03-neural-networks',
    title: 'Introduction to Neural Networks',
    topics: [
      'From logistic regression to neural networks',
      'Artificial neurons and activations',
      'Computational graphs',
      'Regression losses: L1 and MSE',
      'Binary and multi-class cross-entropy',
      'Gradient-based optimization',
    ],
    sections: [
      {
        id: 'from-logistic-regression',
        title: 'From Logistic Regression to Neural Networks',
        summary:
          'Logistic regression is a single linear score followed by a sigmoid. A neural network stacks several linear maps with non-linear functions in between, such as a ReLU applied to W1 x, producing a non-linear score function. Viewed as a whole, it is a network of simple artificial neurons.',
        formulas: [String.raw`f = \mathbf{W}_2 \max(0, \mathbf{W}_1 \mathbf{x})`],
      },
      {
        id: 'neurons-and-activations',
        title: 'Activation Functions and Biological Inspiration',
        summary:
          'Each artificial neuron computes a weighted sum of its inputs and passes it through an activation function. The idea is loosely borrowed from biological neurons, but artificial networks are far simpler than a brain, and the comparison is more popular in the media than it is accurate.',
      },
      {
        id: 'training-recipe',
        title: 'Training a Neural Network',
        summary:
          'Training starts from a dataset of input and ground-truth pairs and searches for weights and biases that make the loss small. Gradients are computed with back-propagation on batches of data, and stochastic gradient descent uses them to update the parameters, passing over the training set many times.',
      },
      {
        id: 'computational-graphs',
        title: 'Computational Graphs',
        summary:
          'A computational graph is a directed graph whose nodes are operations or variables and whose edges carry values from inputs to outputs. A small example is f = (x + y) z, which evaluates to -8 for x = 1, y = -3, z = 4. Deep networks chain many matrix products and activations, so writing them as graphs keeps the computation manageable.',
        formulas: [
          String.raw`f(x, y, z) = (x + y) \cdot z, \quad x = 1,\ y = -3,\ z = 4 \;\Rightarrow\; f = -8`,
          String.raw`f = \mathbf{W}_5\, \sigma(\mathbf{W}_4 \tanh(\mathbf{W}_3 \max(0, \mathbf{W}_2 \max(0, \mathbf{W}_1 \mathbf{x}))))`,
        ],
        erratum:
          'The notes write tanh(W3, max(0, …)) with a stray comma, which reads like a function of two arguments. It is a matrix product: tanh(W3 max(0, W2 max(0, W1 x))).',
      },
      {
        id: 'network-as-graph',
        title: 'Neural Networks as Computational Graphs',
        summary:
          'A network maps naturally onto a graph: operations are nodes, data flow is given by directed edges, and nodes can be grouped into layers. The pieces have clear roles: multiplying by W encodes the input, the activation selects important features, and convolutional layers extract features with shared weights.',
      },
      {
        id: 'loss-functions',
        title: 'Loss Functions',
        summary:
          'A loss function measures how good the predictions are, so a large value signals poor performance that training should reduce. Which loss is appropriate depends on the task and on the distribution of the target variable.',
      },
      {
        id: 'regression-losses',
        title: 'Regression Losses: L1 and MSE',
        summary:
          'For real-valued targets, the L1 loss averages the absolute differences between targets and predictions, and the MSE loss averages the squared Euclidean distances. Squaring punishes large errors much more strongly than the absolute value does.',
        formulas: [
          String.raw`L(\mathbf{y}, \hat{\mathbf{y}}; \boldsymbol{\theta}) = \frac{1}{n} \sum_i^n \|\mathbf{y}_i - \hat{\mathbf{y}}_i\|_1`,
          String.raw`L(\mathbf{y}, \hat{\mathbf{y}}; \boldsymbol{\theta}) = \frac{1}{n} \sum_i^n \|\mathbf{y}_i - \hat{\mathbf{y}}_i\|_2^2`,
        ],
      },
      {
        id: 'binary-cross-entropy',
        title: 'Binary Cross-Entropy',
        summary:
          'For yes/no classification the network outputs a probability, and binary cross-entropy penalises the negative log-probability assigned to the correct answer. It is the same loss that falls out of maximum likelihood for logistic regression.',
        formulas: [
          String.raw`L(\mathbf{y}, \hat{\mathbf{y}}; \boldsymbol{\theta}) = -\frac{1}{n} \sum_i^n [y_i \log \hat{y}_i + (1 - y_i) \log(1 - \hat{y}_i)]`,
        ],
      },
      {
        id: 'cross-entropy',
        title: 'Multi-Class Cross-Entropy',
        summary:
          'With several classes the target is a one-hot vector and the prediction is a probability for each class. Cross-entropy sums, over samples and classes, the target times the log of the predicted probability, with a minus sign, so only the probability of the true class counts.',
        formulas: [String.raw`L(\mathbf{y}, \hat{\mathbf{y}}; \boldsymbol{\theta}) = - \sum_{i=1}^n \sum_{k=1}^K (y_{ik} \cdot \log \hat{y}_{ik})`],
        erratum:
          'The notes write the inner sum as Σ_{k=1}^{k}, using k both as the index and as its own upper limit. The upper limit is the number of classes, K: Σ_{k=1}^{K}.',
      },
      {
        id: 'finding-a-better-network',
        title: 'Finding a Better Network with Gradients',
        summary:
          'Predictions come from the network, so lowering the loss means changing the network parameters, and this is done with gradient-based optimization. For a single linear layer without activation and the MSE loss, the gradient with respect to W has a simple closed form built from the residuals and the inputs.',
        formulas: [
          String.raw`L(\mathbf{y}, \hat{\mathbf{y}}) = L(\mathbf{y}, f_{\boldsymbol{\theta}}(\mathbf{x}))`,
          String.raw`f_\theta(x) = Wx, \quad \theta = W`,
          String.raw`\nabla_\theta L(y, f_\theta(x)) = \frac{2}{n} \sum_i^n (W \cdot x_i - y_i) \cdot x_i^T`,
        ],
        erratum:
          'The notes show this gradient with a leading minus sign (−∇_θ L = …). The gradient of the MSE loss is +(2/n) Σ (W x_i − y_i) x_iᵀ; the minus sign only appears in the descent step.',
      },
      {
        id: 'backprop-preview',
        title: 'Gradients of Deep Networks',
        summary:
          'In a deep network the gradient has to be carried from the loss back through every layer down to the first weight matrix. Back-propagation does this with the chain rule on the computational graph. Gradient descent is popular because these gradients are cheap to obtain, though alternatives such as Newton methods, L-BFGS, adaptive moments and conjugate gradients exist.',
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 4
  {
    number: 4,
    slug: '04-backprop',
    title: 'Optimization and Back-propagation',
    topics: [
      'Forward and backward pass',
      'Chain rule on compute graphs',
      'Gradient descent for neural networks',
      'Counting network parameters',
      'Cross-entropy derivatives',
      'Worked back-propagation example',
      'Regularization preview',
    ],
    sections: [
      {
        id: 'importance-of-gradients',
        title: 'The Importance of Gradients',
        summary:
          'All the optimization schemes in the course are driven by the gradient of the loss with respect to the parameters. Deriving such gradients by hand quickly becomes impractical for complicated functions, so back-propagation splits the computation into small local steps.',
        formulas: [String.raw`\nabla_{\theta} L(\theta)`],
      },
      {
        id: 'forward-backward-pass',
        title: 'Backprop on a Small Graph: Forward and Backward Pass',
        summary:
          'The forward pass evaluates the graph from inputs to output. The backward pass starts at the output and multiplies local derivatives along the edges. For f = (x + y) z with x = 1, y = -3 and z = 4, the intermediate value is d = -2, so the gradients are 4 for x and y and -2 for z.',
        formulas: [
          String.raw`d = x + y \quad \frac{\partial d}{\partial x} = 1, \frac{\partial d}{\partial y} = 1`,
          String.raw`f = d \cdot z \quad \frac{\partial f}{\partial d} = z, \frac{\partial f}{\partial z} = d`,
          String.raw`\frac{\partial f}{\partial x} = \frac{\partial f}{\partial d}\frac{\partial d}{\partial x} = z = 4, \quad \frac{\partial f}{\partial y} = z = 4, \quad \frac{\partial f}{\partial z} = d = -2`,
        ],
      },
      {
        id: 'graphs-to-networks',
        title: 'From Compute Graphs to Neural Networks',
        summary:
          'In a network, weights are indexed by layer, neuron and input, and the outputs are compared with ground-truth targets through a loss. The total loss is a sum of per-sample losses, and the chain rule gives the derivative with respect to any weight or bias by going through the outputs it influences.',
        formulas: [
          String.raw`L = \sum_i L_i, \qquad L_i = (\hat{y}_i - y_i)^2`,
          String.raw`\frac{\partial L}{\partial w_{i,k}} = \frac{\partial L}{\partial \hat{y}_i} \cdot \frac{\partial \hat{y}_i}{\partial w_{i,k}}`,
        ],
      },
      {
        id: 'functions-as-graphs',
        title: 'Any Function as a Computational Graph',
        summary:
          'Any expression built from elementary operations can be written as a graph. A single sigmoid neuron with two inputs and a bias, for instance, becomes a chain of multiply, add, negate, exponentiate and reciprocal nodes that back-propagation can handle one node at a time.',
        formulas: [String.raw`f(\mathbf{w}, \mathbf{x}) = \frac{1}{1+e^{-(b+w_0x_0+w_1x_1)}}`],
      },
      {
        id: 'gradient-descent',
        title: 'Gradient Descent for Neural Networks',
        summary:
          'The gradient generalises the derivative to many variables and points in the direction in which the function increases fastest. Gradient descent therefore takes steps in the opposite direction. For a training pair, the gradient collects the partial derivatives with respect to every weight, and the update subtracts it scaled by a learning rate.',
        formulas: [
          String.raw`\frac{df(x)}{dx} \longrightarrow \nabla_x f(x)`,
          String.raw`\nabla_{\mathbf{W}} f_{\{x, y\}}(\mathbf{W}) = \begin{bmatrix} \frac{\partial f}{\partial w_{0,0,0}} \\ \vdots \\ \frac{\partial f}{\partial w_{l,m,n}} \end{bmatrix}`,
          String.raw`\mathbf{W}' = \mathbf{W} - \alpha \nabla_{\mathbf{W}} f_{\{x, y\}}(\mathbf{W})`,
        ],
      },
      {
        id: 'counting-weights',
        title: 'How Many Unknown Weights?',
        summary:
          'A fully connected layer has one weight per pair of neuron and input plus one bias per neuron. For a network with 3 inputs, 4 hidden neurons and 2 outputs, this gives 16 parameters in the hidden layer and 10 in the output layer, 26 in total.',
        formulas: [
          String.raw`\#\text{neurons} \cdot \#\text{input channels} + \#\text{biases}`,
          String.raw`\text{Hidden: } 4 \cdot 3 + 4 = 16, \quad \text{Output: } 2 \cdot 4 + 2 = 10`,
        ],
      },
      {
        id: 'cross-entropy-derivatives',
        title: 'Derivatives of the Cross-Entropy Loss',
        summary:
          'With sigmoid outputs and binary cross-entropy, the derivative of the loss with respect to the pre-activation s_i simplifies to the residual between prediction and target. The last-layer weight gradient is that residual times the hidden activation. For the first layer the residuals are sent back through the output weights and the sigmoid derivative of the hidden units, then multiplied by the input.',
        formulas: [
          String.raw`\frac{\partial L}{\partial w_{ji}} = \frac{\partial L}{\partial \hat{y}_i} \cdot \frac{\partial \hat{y}_i}{\partial s_i} \cdot \frac{\partial s_i}{\partial w_{ji}}`,
          String.raw`\frac{\partial L}{\partial \hat{y}_i} = -\frac{y_i}{\hat{y}_i} + \frac{1 - y_i}{1 - \hat{y}_i} = \frac{\hat{y}_i - y_i}{\hat{y}_i(1 - \hat{y}_i)}, \quad \frac{\partial \hat{y}_i}{\partial s_i} = \hat{y}_i(1 - \hat{y}_i), \quad \frac{\partial s_i}{\partial w_{ji}} = h_j`,
          String.raw`\Rightarrow \frac{\partial L}{\partial w_{ji}} = (\hat{y}_i - y_i)h_j, \quad \frac{\partial L}{\partial s_i} = \hat{y}_i - y_i`,
          String.raw`\begin{aligned} \frac{\partial L}{\partial h_j} &= \sum_{i=1}^{n_{out}} (\hat{y}_i - y_i)w_{ji} \\ \frac{\partial L}{\partial s_j^1} &= \sum_{i=1}^{n_{out}} (\hat{y}_i - y_i)w_{ji}\, h_j(1 - h_j) \\ \frac{\partial L}{\partial w_{kj}^1} &= \frac{\partial L}{\partial s_j^1} \frac{\partial s_j^1}{\partial w_{kj}^1} = \sum_{i=1}^{n_{out}} (\hat{y}_i - y_i)w_{ji}\, h_j(1 - h_j)\,x_k \end{aligned}`,
        ],
        erratum:
          'The notes write ∂L/∂ŷ_i = −y_i + (1 − y_i)/(1 − ŷ_i); the first term must be −y_i/ŷ_i (their simplified result (ŷ_i − y_i)/(ŷ_i(1 − ŷ_i)) is right). Also, ∂L/∂w¹_kj is ∂L/∂s¹_j · x_k with no extra outer sum, because the sum over outputs is already inside ∂L/∂s¹_j.',
      },
      {
        id: 'worked-example',
        title: 'Worked Example: A Two-Weight Network',
        summary:
          'A tiny network computes z = x w1, applies a ReLU, scales by w2 and uses a squared loss. Starting from x = 1, y = 0, w1 = 1/3 and w2 = 2, the forward pass gives a prediction of 2/3 and a loss of 4/9. Chaining the local derivatives gives gradients of 8/3 for w1 and 4/9 for w2.',
        formulas: [
          String.raw`L = (\hat{y} - y)^2 \Rightarrow \frac{\partial L}{\partial \hat{y}} = 2(\hat{y} - y), \qquad \hat{y} = w_2 \cdot \sigma \Rightarrow \frac{\partial \hat{y}}{\partial \sigma} = w_2`,
          String.raw`\sigma = \max(0, z) \Rightarrow \frac{\partial \sigma}{\partial z} = \begin{cases} 1 & \text{if } z > 0 \\ 0 & \text{else} \end{cases}, \qquad z = x \cdot w_1 \Rightarrow \frac{\partial z}{\partial w_1} = x`,
          String.raw`z = \tfrac{1}{3},\ \sigma = \tfrac{1}{3},\ \hat{y} = \tfrac{2}{3},\ L = \tfrac{4}{9}`,
          String.raw`\frac{\partial L}{\partial w_1} = 2(\hat{y} - y)\, w_2 \cdot 1 \cdot x = \tfrac{8}{3}, \qquad \frac{\partial L}{\partial w_2} = 2(\hat{y} - y)\,\sigma = \tfrac{4}{9}`,
        ],
        erratum:
          'The notes define the ReLU derivative with the condition "if x > 0". The derivative of σ = max(0, z) depends on its own argument, so the condition is z > 0. The numerical results above are not in the notes; they were computed here from the given initial values.',
      },
      {
        id: 'regularization-preview',
        title: 'Regularization: Over- and Under-fitting',
        summary:
          'A model can underfit by being too simple or overfit by memorising the training data. Regularization adds a penalty term, weighted by lambda, to the data loss to discourage overly complex solutions. Common techniques are L2 and L1 penalties, max-norm constraints, dropout and early stopping.',
        formulas: [String.raw`L(\mathbf{y}, \hat{\mathbf{y}}, \boldsymbol{\theta}) = \sum_{i=1}^n (\hat{y}_i - y_i)^2 + \lambda R(\boldsymbol{\theta})`],
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 5
  {
    number: 5,
    slug: '05-optimization',
    title: 'Scaling Optimization',
    topics: [
      'Convexity and local minima',
      'Stochastic and minibatch gradient descent',
      'SGD convergence conditions',
      'Momentum and Nesterov momentum',
      'RMSProp and Adam',
      'Newton, BFGS, Gauss-Newton, Levenberg-Marquardt',
      'Choosing an optimizer',
    ],
    sections: [
      {
        id: 'convergence-convexity',
        title: 'Convergence of Gradient Descent',
        summary:
          'For a convex function every local minimum is a global one, so gradient descent finds the best solution. Neural network losses are non-convex, with many different local minima and no practical way to tell which of them is globally optimal.',
      },
      {
        id: 'gd-single-sample',
        title: 'Gradient Descent on a Single Training Sample',
        summary:
          'Starting from random parameters, gradient descent repeatedly moves the weights and biases against the gradient of the loss of a sample, scaled by the learning rate, until the change between iterations becomes tiny. The gradient comes from back-propagation and usually has as many entries as the model has parameters, often millions.',
        formulas: [
          String.raw`\theta^{k+1} = \theta^k - \alpha \nabla_{\theta} L_i(\theta^k, x_i, y_i)`,
          String.raw`|\theta^{k+1} - \theta^k| < \epsilon`,
        ],
      },
      {
        id: 'gd-multiple-samples',
        title: 'Gradient Descent on Many Samples and Line Search',
        summary:
          'With n samples the cost is the average of the per-sample losses, and its gradient is the average of the per-sample gradients. Dropping the 1/n factor only rescales the learning rate. In principle the best step size could be found by a line search along the gradient, but that is too expensive in deep learning.',
        formulas: [
          String.raw`L = \frac{1}{n} \sum_{i=1}^n L_i(\theta, \mathbf{x}_i, \mathbf{y}_i)`,
          String.raw`\nabla_{\theta} L(\theta^k, \mathbf{x}_{\{1..n\}}, \mathbf{y}_{\{1..n\}}) = \frac{1}{n} \sum_{i=1}^n \nabla_{\theta} L_i(\theta^k, \mathbf{x}_i, \mathbf{y}_i)`,
          String.raw`\arg \min_{\alpha} L(\theta^k - \alpha \nabla_{\theta} L)`,
        ],
      },
      {
        id: 'sgd',
        title: 'Stochastic Gradient Descent',
        summary:
          'With a million images and a network of 500k parameters, a full gradient over the training set costs O(n) work per step. Seen as empirical risk minimisation, the average loss is an expectation over samples, and an expectation can be estimated from a small random subset. This is the idea behind SGD.',
        formulas: [
          String.raw`\frac{1}{n} \left(\sum_{i=1}^n L_i(\theta, \mathbf{x}_i, \mathbf{y}_i) \right) = \mathbb{E}_{i \sim [1, \dots, n]} [L_i(\theta, \mathbf{x}_i, \mathbf{y}_i)]`,
          String.raw`\mathbb{E}_{i \sim [1, \dots, n]} [L_i(\theta, \mathbf{x}_i, \mathbf{y}_i)] \approx \frac{1}{|S|} \sum_{j \in S} L_j(\theta, \mathbf{x}_j, \mathbf{y}_j), \quad S \subseteq \{1, \dots, n\}`,
        ],
      },
      {
        id: 'minibatch',
        title: 'Minibatches',
        summary:
          'The training set is divided into minibatches of m samples, with m much smaller than n, and each update uses the average gradient of one batch. The batch size is a hyperparameter, usually a power of two and bounded by GPU memory. Smaller batches give noisier gradient estimates.',
        formulas: [
          String.raw`B_i = \{\{\mathbf{x}_1, \mathbf{y}_1\}, \{\mathbf{x}_2, \mathbf{y}_2\}, \dots, \{\mathbf{x}_m, \mathbf{y}_m\}\}, \qquad \{B_1, B_2, \dots, B_{n/m}\}`,
          String.raw`\theta^{k+1} = \theta^k - \alpha \nabla_{\theta} L(\theta^k, x_{\{1..m\}}, y_{\{1..m\}}), \qquad \nabla_{\theta} L = \frac{1}{m} \sum_{i=1}^m \nabla_{\theta} L_i`,
        ],
      },
      {
        id: 'sgd-convergence',
        title: 'Convergence of SGD',
        summary:
          'Stochastic approximation replaces the true gradient with an unbiased noisy estimate. Robbins and Monro showed that such iterations converge when the step sizes are non-negative, sum to infinity, have a finite sum of squares, and the objective is strictly convex. A step size proportional to 1/n satisfies these conditions.',
        formulas: [
          String.raw`\theta^{k+1} = \theta^k - \alpha_k H(\theta^k, X), \qquad \mathbb{E}[H(\theta^k, X)] = \nabla F(\theta^k)`,
          String.raw`\alpha_n \geq 0\ \forall n \geq 0, \qquad \sum_{n=1}^{\infty} \alpha_n = \infty, \qquad \sum_{n=1}^{\infty} \alpha_n^2 < \infty`,
          String.raw`\alpha_n \propto \frac{\alpha}{n}`,
        ],
      },
      {
        id: 'momentum',
        title: 'Gradient Descent with Momentum',
        summary:
          'Plain SGD scales the gradient equally in every direction, so it needs a cautious learning rate and can be slow. Momentum keeps a velocity vector, an exponentially weighted sum of past gradients, and moves the weights along it. Steps grow when successive gradients agree, and the hyperparameters are the learning rate alpha and the momentum beta, often 0.9.',
        formulas: [
          String.raw`\mathbf{v}^{k+1} = \beta \cdot \mathbf{v}^k - \alpha \cdot \nabla_{\theta} L(\theta^k)`,
          String.raw`\theta^{k+1} = \theta^k + \mathbf{v}^{k+1}`,
        ],
      },
      {
        id: 'nesterov',
        title: 'Nesterov Momentum',
        summary:
          'Nesterov momentum looks ahead: it first jumps along the accumulated velocity and then evaluates the gradient at that look-ahead point to correct the step. This makes the update react sooner when the velocity overshoots.',
        formulas: [
          String.raw`\begin{aligned}\tilde{\theta}^{k+1} &= \theta^k + \beta \cdot v^k \\ v^{k+1} &= \beta \cdot v^k - \alpha \cdot \nabla_{\theta} L(\tilde{\theta}^{k+1}) \\ \theta^{k+1} &= \theta^k + v^{k+1}\end{aligned}`,
        ],
      },
      {
        id: 'rmsprop',
        title: 'RMSProp',
        summary:
          'RMSProp tracks an exponentially decaying average of squared gradients, element by element, and divides each gradient component by its square root. Directions with large, oscillating gradients are damped and flat directions are sped up, so a larger learning rate can be used. Typical values are beta 0.9 and epsilon 1e-8.',
        formulas: [
          String.raw`\begin{aligned}s^{k+1} &= \beta \cdot s^k + (1 - \beta)[\nabla_{\theta} L \circ \nabla_{\theta} L] \\ \theta^{k+1} &= \theta^k - \alpha \cdot \frac{\nabla_{\theta} L}{\sqrt{s^{k+1}} + \epsilon}\end{aligned}`,
        ],
      },
      {
        id: 'adam',
        title: 'Adam: Adaptive Moment Estimation',
        summary:
          'Adam combines momentum (a running mean of gradients) with RMSProp (a running mean of squared gradients). Both averages start at zero and are biased towards zero early on, so each is divided by one minus beta to the power of the step count before use. Typical settings are beta1 0.9, beta2 0.999 and epsilon 1e-8, with the learning rate tuned.',
        formulas: [
          String.raw`\mathbf{m}^{k+1} = \beta_1 \cdot \mathbf{m}^k + (1 - \beta_1) \nabla_{\theta} L(\theta^k)`,
          String.raw`\mathbf{v}^{k+1} = \beta_2 \cdot \mathbf{v}^k + (1 - \beta_2) [\nabla_{\theta} L(\theta^k) \circ \nabla_{\theta} L(\theta^k)]`,
          String.raw`\hat{\mathbf{m}}^{k+1} = \frac{\mathbf{m}^{k+1}}{1 - \beta_1^{k+1}} \qquad \hat{\mathbf{v}}^{k+1} = \frac{\mathbf{v}^{k+1}}{1 - \beta_2^{k+1}}`,
          String.raw`\theta^{k+1} = \theta^k - \alpha \cdot \frac{\hat{\mathbf{m}}^{k+1}}{\sqrt{\hat{\mathbf{v}}^{k+1}} + \epsilon}`,
        ],
        erratum:
          'The notes put epsilon inside the square root, √(v̂ + ε). Adam as published (Kingma and Ba), and the notes\' own RMSProp rule, add epsilon after the root: θ ← θ − α m̂ / (√v̂ + ε).',
      },
      {
        id: 'second-order-methods',
        title: 'Jacobian, Hessian, Newton and BFGS',
        summary:
          'The Jacobian collects the first derivatives of a vector-valued function, and the Hessian the second derivatives of a scalar one. Newton\'s method minimises a second-order Taylor approximation, which uses curvature and removes the learning rate, but with k parameters the Hessian has k squared entries and inverting it costs O(k cubed). Quasi-Newton methods such as BFGS, O(n squared), and L-BFGS, O(n), approximate the inverse Hessian instead.',
        formulas: [
          String.raw`f: \mathbb{R}^m \rightarrow \mathbb{R}^n:\ \mathbf{J} \in \mathbb{R}^{n \times m}, \qquad f: \mathbb{R}^m \rightarrow \mathbb{R}:\ \mathbf{H} \in \mathbb{R}^{m \times m}`,
          String.raw`L(\boldsymbol{\theta}) \approx L(\boldsymbol{\theta}_0) + (\boldsymbol{\theta} - \boldsymbol{\theta}_0)^T \nabla_{\boldsymbol{\theta}} L(\boldsymbol{\theta}_0) + \frac{1}{2} (\boldsymbol{\theta} - \boldsymbol{\theta}_0)^T \mathbf{H}(\boldsymbol{\theta} - \boldsymbol{\theta}_0)`,
          String.raw`\boldsymbol{\theta}^* = \boldsymbol{\theta}_0 - \mathbf{H}^{-1} \nabla_{\boldsymbol{\theta}} L(\boldsymbol{\theta}_0)`,
        ],
        erratum:
          'The notes write the Newton step as θ* = θ0 − H⁻¹ ∇_θ L(θ), leaving the gradient at an unspecified θ. Setting the derivative of the Taylor expansion around θ0 to zero gives the gradient at the expansion point: θ* = θ0 − H⁻¹ ∇_θ L(θ0).',
      },
      {
        id: 'gauss-newton-lm',
        title: 'Gauss-Newton, Levenberg and Levenberg-Marquardt',
        summary:
          'For least-squares objectives, Gauss-Newton replaces the Hessian with 2 times J-transpose-J, built only from first derivatives, and solves a linear system for the step rather than inverting a matrix. Levenberg adds a damping term lambda times the identity, raising lambda whenever the cost fails to decrease, so the method moves between Gauss-Newton (small lambda) and gradient descent (large lambda). Levenberg-Marquardt scales the damping by the diagonal of J-transpose-J, so each direction is damped according to its curvature.',
        formulas: [
          String.raw`H_f \approx 2J_F^T J_F, \qquad x_{k+1} = x_k - [2J_F(x_k)^T J_F(x_k)]^{-1} \nabla f(x_k)`,
          String.raw`2(J_F(x_k)^T J_F(x_k))(x_k - x_{k+1}) = \nabla f(x_k)`,
          String.raw`(J_F(x_k)^T J_F(x_k) + \lambda \cdot I) \cdot (x_k - x_{k+1}) = \tfrac{1}{2}\nabla f(x_k)`,
          String.raw`(J_F(x_k)^T J_F(x_k) + \lambda \cdot \operatorname{diag}(J_F(x_k)^T J_F(x_k))) \cdot (x_k - x_{k+1}) = \tfrac{1}{2}\nabla f(x_k)`,
        ],
        erratum:
          'The notes switch from J_F to J_E in the Gauss-Newton linear system; it is the same Jacobian J_F. The Levenberg and LM equations in the notes also drop the factor 2 of their own Gauss-Newton system, so setting λ = 0 would give twice the Gauss-Newton step. Written consistently, their right-hand side is ½∇f(x_k) = J_Fᵀ F(x_k).',
      },
      {
        id: 'which-optimizer',
        title: 'Which Optimizer, and When?',
        summary:
          'Adam is the default choice, with SGD plus momentum as the fallback. Second-order methods such as Newton, L-BFGS, Gauss-Newton and Levenberg-Marquardt are faster when full-batch updates are possible but do not work well with minibatches. Linear systems call for dedicated solvers rather than gradient descent.',
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 6
  {
    number: 6,
    slug: '06-training-1',
    title: 'Training Neural Networks I',
    topics: [
      'Learning rate and decay schedules',
      'Train / validation / test and generalization',
      'Over- and underfitting',
      'Reading learning curves',
      'Hyperparameter search',
      'Practical training recipe and debugging',
    ],
    sections: [
      {
        id: 'learning-rate',
        title: 'Learning Rate',
        summary:
          'A learning rate that is too high makes training diverge or oscillate, and one that is too low makes progress painfully slow. Ideally the steps are large while far from a minimum and small when close to one.',
      },
      {
        id: 'learning-rate-decay',
        title: 'Learning Rate Decay',
        summary:
          'Decay schedules shrink the learning rate as training goes on. With inverse-time decay, a start of 0.1 and a decay rate of 1.0, the rate falls to 0.05, 0.033 and 0.025 after epochs 1, 2 and 3. Other options are step decay every few epochs, exponential decay and decay with the inverse square root of the epoch.',
        formulas: [
          String.raw`\alpha = \frac{1}{1 + \text{decay\_rate} \cdot \text{epoch}} \cdot \alpha_0 \qquad (\alpha_0 = 0.1,\ \text{decay\_rate} = 1.0:\ 0.1,\ 0.05,\ 0.033,\ 0.025)`,
          String.raw`\text{Step: } \alpha = \alpha - t \cdot \alpha \ \ (\text{every } n \text{ steps}), \qquad \text{Exponential: } \alpha = t^{\text{epoch}} \cdot \alpha_0`,
          String.raw`\alpha = \frac{t}{\sqrt{\text{epoch}}} \cdot \alpha_0`,
        ],
      },
      {
        id: 'training-schedule',
        title: 'Training Schedule',
        summary:
          'An alternative is to set the learning rate by hand for each stage of training, for example changing it every n epochs. Choosing these values takes trial and error and experience, keeping in mind the number of epochs, the size of the dataset and the size of the network.',
      },
      {
        id: 'basic-recipe',
        title: 'Basic Recipe for Training',
        summary:
          'Training starts from a labelled dataset in which inputs are usually much higher-dimensional than labels and samples number in the hundreds of thousands or millions. SGD or one of its variants, fed with gradients from back-propagation, optimises the weights and biases, because computing full gradients over a million samples would be far too expensive.',
      },
      {
        id: 'learning-and-splits',
        title: 'Learning Means Generalization',
        summary:
          'The real goal is good performance on data the model has not seen. The training set fits the parameters, the validation set guides hyperparameter choices and tracks generalization during training, and the test set is used only once at the very end. Typical splits are 60/20/20 or 80/10/10, and cross validation rotates the validation part through the data.',
      },
      {
        id: 'learning-curves',
        title: 'Over- and Underfitting in Learning Curves',
        summary:
          'Accuracy and loss curves for training and validation are the main diagnostic tool. Underfitting shows as both losses still falling at the end of training, while overfitting shows as falling training loss with rising validation loss. Warning signs include a validation score better than the training score, and putting test data into training or debugging on it is bad practice.',
      },
      {
        id: 'hyperparameters',
        title: 'Hyperparameters and Tuning',
        summary:
          'Hyperparameters include the architecture, the number of iterations, learning rates and decay, regularization and the batch size, so essentially the whole learning and optimization setup. They are tuned by hand, by grid search over predefined ranges, or by random search, which samples configurations at random from those ranges.',
      },
      {
        id: 'how-to-start',
        title: 'How to Start',
        summary:
          'Begin by overfitting a single training sample, which should reach 100% training accuracy, then a handful of samples to check that inputs are handled correctly. Gradually add more data until the model starts to generalise.',
      },
      {
        id: 'learning-rate-search',
        title: 'Finding a Good Learning Rate and Grid Search',
        summary:
          'Train on all the data with a little weight decay and first check that the initial loss matches the value expected from chance, log C for a softmax over C classes. Look for a learning rate among 1e-1 to 1e-4 that makes the loss drop quickly within about 100 iterations. Then run a coarse grid over learning rates and weight decays (1e-4, 1e-5, 0) for a few epochs and refine around the best models with longer runs of 10 to 20 epochs.',
        formulas: [String.raw`L_{\text{init}} \approx -\log\frac{1}{C} = \log(C)`],
      },
      {
        id: 'timings-and-architecture',
        title: 'Timings and Network Architecture',
        summary:
          'Measure how long an iteration takes; beyond roughly 500 ms things get difficult, and bottlenecks are often in data loading or back-propagation. Estimate how long it will take to see a trend and to converge. Start with the simplest network possible, as a rule of thumb a fifth of the layers you first had in mind, so that debug cycles take minutes.',
      },
      {
        id: 'debugging',
        title: 'Debugging and Common Mistakes',
        summary:
          'Compare train, validation and test curves with consistent evaluation, change only one thing at a time, and visualise inputs, predictions and ground truth. Frequent bugs are not overfitting a single batch first, forgetting to switch between train and eval mode, forgetting to zero the gradients before the backward pass, and passing softmax outputs to a loss that expects raw logits.',
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 7
  {
    number: 7,
    slug: '07-training-2',
    title: 'Training Neural Networks II',
    topics: [
      'L1 vs L2 regression losses',
      'Sigmoid and softmax outputs',
      'Cross-entropy vs hinge loss',
      'Activation functions: sigmoid, tanh, ReLU family',
      'Weight initialization pitfalls',
      'Xavier and Kaiming initialization',
    ],
    sections: [
      {
        id: 'regression-losses',
        title: 'Regression Losses',
        summary:
          'The L2 loss sums squared differences between labels and predictions, and the L1 loss sums absolute differences. In the 4x4 example only four entries differ, by 3, 4, 2 and 2, so L2 is 9 + 16 + 4 + 4 = 33 and L1 is 3 + 4 + 2 + 2 = 11.',
        formulas: [
          String.raw`L^2 = \sum_{i=1}^n (y_i - f(\mathbf{x}_i))^2, \qquad L^1 = \sum_{i=1}^n |y_i - f(\mathbf{x}_i)|`,
          String.raw`L^2(\mathbf{x}, \mathbf{y}) = 9 + 16 + 4 + 4 + 0 + \dots + 0 = 33`,
          String.raw`L^1(\mathbf{x}, \mathbf{y}) = 3 + 4 + 2 + 2 + 0 + \dots + 0 = 11`,
        ],
      },
      {
        id: 'l2-vs-l1',
        title: 'L2 vs L1',
        summary:
          'L2 is cheap to optimise and its optimum is the mean, but squaring makes it sensitive to outliers. L1 grows only linearly with the error, which makes it robust to outliers; its optimum is the median, and it is harder to optimise.',
      },
      {
        id: 'sigmoid-output',
        title: 'Binary Classification with a Sigmoid',
        summary:
          'For two classes, the sigmoid of the linear score gives the probability that a sample belongs to class 1. The bias is included as the d = 0 term of the sum.',
        formulas: [String.raw`p(y_i = 1 | \mathbf{x}_i, \boldsymbol{\theta}) = \sigma(s) = \frac{1}{1 + e^{-\sum_{d=0}^D \theta_d x_{id}}}`],
      },
      {
        id: 'softmax-cross-entropy',
        title: 'Multiclass Classification: Softmax and Cross-Entropy',
        summary:
          'Softmax turns C class scores into probabilities: exponentiating makes them positive and normalising makes them sum to one. Subtracting the largest score before exponentiating gives the same result while avoiding overflow. The cross-entropy loss is the negative log-probability of the true class, which is the maximum-likelihood objective.',
        formulas: [
          String.raw`p(y_i | \mathbf{x}_i, \Theta) = \frac{e^{s_{y_i}}}{\sum_{k=1}^C e^{s_k}} = \frac{e^{s_{y_i}}}{\sum_{k=1}^C e^{\mathbf{x}_i \Theta_k}}`,
          String.raw`\frac{e^{s_{y_i}}}{\sum_{k=1}^C e^{s_k}} = \frac{e^{s_{y_i} - s_{\max}}}{\sum_{k=1}^C e^{s_k - s_{\max}}}`,
          String.raw`L_i = -\log(p(y_i | \mathbf{x}_i, \Theta)) = -\log\left(\frac{e^{s_{y_i}}}{\sum_k e^{s_k}}\right)`,
        ],
      },
      {
        id: 'hinge-loss',
        title: 'Hinge Loss vs Cross-Entropy',
        summary:
          'The multiclass SVM (hinge) loss only asks the true class score to beat every other score by a margin of 1 and is exactly zero once that holds. Cross-entropy is never exactly zero and keeps pushing the true class probability up, whereas the hinge loss saturates.',
        formulas: [String.raw`L_i = \sum_{k \neq y_i} \max(0, s_k - s_{y_i} + 1)`],
      },
      {
        id: 'full-loss',
        title: 'Loss in the Compute Graph',
        summary:
          'The weights are the unknowns of the optimization, and their gradient is obtained by back-propagating through the graph that ends in the loss. The full objective is the average data loss, from cross-entropy or hinge, plus a weighted regularization term such as the sum of squared weights.',
        formulas: [
          String.raw`R^2(\mathbf{W}) = \sum \mathbf{w}_i^2`,
          String.raw`L = \frac{1}{N} \sum_{i=1}^N L_i + \lambda R^2(\mathbf{W})`,
        ],
      },
      {
        id: 'sigmoid-activation',
        title: 'Sigmoid Activation and Zero-Centering',
        summary:
          'The sigmoid squashes its input to (0, 1) and saturates for large inputs. Because its output is always positive, the next layer receives only positive inputs, so the gradients of all its weights have the same sign. The weights can then only all increase or all decrease together, which slows learning and is one reason to use zero-centred data.',
        formulas: [
          String.raw`\sigma(s) = \frac{1}{1 + e^{-s}}`,
          String.raw`\frac{\partial L}{\partial w_1} = \frac{\partial L}{\partial y} \cdot \frac{\partial y}{\partial s} \cdot \frac{\partial s}{\partial w_1}, \qquad \frac{\partial L}{\partial w_2} = \frac{\partial L}{\partial y} \cdot \frac{\partial y}{\partial s} \cdot \frac{\partial s}{\partial w_2}`,
        ],
      },
      {
        id: 'tanh-relu',
        title: 'Tanh and ReLU',
        summary:
          'Tanh is zero-centred but still saturates. ReLU does not saturate for positive inputs, gives large and consistent gradients and converges quickly, but a unit that only ever outputs zero stops learning, which is called a dead ReLU. Initialising the biases slightly positive, for example 0.01, keeps most ReLUs active.',
        formulas: [String.raw`\sigma(x) = \max(0, x)`],
      },
      {
        id: 'relu-variants',
        title: 'Leaky ReLU, Parametric ReLU, Maxout and Overview',
        summary:
          'Leaky ReLU keeps a small slope for negative inputs so units cannot die, and Parametric ReLU learns that slope. Maxout takes the maximum of two linear functions. In practice ReLU is the default for feed-forward networks, its variants or maxout are the second choice, and sigmoid or tanh remain common in recurrent networks.',
        formulas: [
          String.raw`\sigma(x) = \max(0.01x, x), \qquad \sigma(x) = \max(\alpha x, x)`,
          String.raw`\text{Maxout} = \max(w_1^T x + b_1, w_2^T x + b_2)`,
          String.raw`\text{Leaky ReLU: } f(x) = \begin{cases} 0.01x & \text{for } x < 0 \\ x & \text{for } x \geq 0 \end{cases}, \qquad \tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}}`,
          String.raw`f(x) = 2x\sigma(\beta x):\ \beta = 0 \Rightarrow f(x) = x, \quad \beta \rightarrow \infty \Rightarrow f(x) = 2\max(0, x)`,
        ],
        erratum:
          'The overview table in the notes gives Leaky ReLU as f(x) = 0.01 for x < 0, a constant. It should be 0.01x, matching max(0.01x, x); only then is the range (−∞, ∞) as the table states.',
      },
      {
        id: 'initialization-pitfalls',
        title: 'Weight Initialization: Zero, Small and Large',
        summary:
          'If all weights are zero, every hidden unit computes the same thing and gets the same gradient, so the symmetry is never broken. In a 10-layer tanh network with 500 units per layer, weights drawn with standard deviation 0.01 make activations shrink towards zero layer by layer, and weights with standard deviation 1 push tanh into saturation. Either way the gradients vanish.',
        formulas: [
          String.raw`f_l\left(\sum_i w_i^l x_i^l + b^l\right) \approx 0 \;\Rightarrow\; \frac{\partial L}{\partial w_i^{l+1}} = \frac{\partial L}{\partial f_{l+1}} \cdot x_i^{l+1} \approx 0`,
          String.raw`\frac{\partial L}{\partial w_i} = \frac{\partial L}{\partial f} \cdot \frac{\partial f}{\partial s} \cdot \frac{\partial s}{\partial w_i} \approx 0`,
        ],
      },
      {
        id: 'xavier-initialization',
        title: 'Xavier Initialization',
        summary:
          'Xavier initialization picks the weight variance so that a layer keeps the variance of its input. With independent, zero-mean, identically distributed weights and inputs, the variance of a unit\'s pre-activation is n times the weight variance times the input variance, where n is the number of input neurons of the layer. Keeping it equal to the input variance requires a weight variance of 1/n, which works well with tanh.',
        formulas: [
          String.raw`\begin{aligned} Var(s) &= Var\left(\sum_i^n w_i x_i\right) = \sum_i^n Var(w_i x_i) \\ &= \sum_i^n [E(w_i)]^2 Var(x_i) + [E(x_i)]^2 Var(w_i) + Var(x_i) Var(w_i) \\ &= \sum_i^n Var(x_i) Var(w_i) = n\,(Var(w) Var(x)) \end{aligned}`,
          String.raw`Var(s) = Var(x) \;\Rightarrow\; \underbrace{n \cdot Var(w)}_{=1} \cdot Var(x) = Var(x) \;\Rightarrow\; Var(w) = \frac{1}{n}`,
        ],
        erratum:
          'In the second derivation the notes write E[(x_i)²] Var(w_i); the product-variance formula needs the squared mean [E(x_i)]², as in their first version. In the goal step the notes mark Var(w)Var(x) as equal to 1, but the factor that must equal 1 is n·Var(w).',
      },
      {
        id: 'kaiming-initialization',
        title: 'Kaiming Initialization for ReLU',
        summary:
          'A ReLU sets about half of its inputs to zero, so with Xavier\'s 1/n variance the activations shrink towards zero again in deep ReLU networks. Kaiming (He) initialization compensates by doubling the variance to 2/n. The standard recipe is ReLU with this initialization.',
        formulas: [String.raw`Var(w) = \frac{1}{n/2} = \frac{2}{n}`],
        erratum:
          'The notes\' recommendation reads "Use ReLU and Xavier/gaussian initialization". With ReLU the point of the section is Xavier/2, i.e. Kaiming initialization with Var(w) = 2/n (the ResNet notes in lecture 10 also say Xavier/2).',
      },
      {
        id: 'output-loss-summary',
        title: 'Summary: Output Layers and Losses',
        summary:
          'Binary classification pairs a sigmoid output with binary cross-entropy, and multiclass classification pairs a softmax output with cross-entropy. Hinge and L1/L2 losses are other options, and the initial weights decide where the optimization starts.',
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 8
  {
    number: 8,
    slug: '08-regularization',
    title: 'Training Neural Networks III',
    topics: [
      'Data augmentation',
      'L2 regularization vs weight decay',
      'Early stopping and ensembles',
      'Dropout and Monte Carlo dropout',
      'Batch normalization',
      'Why deeper MLPs are not enough',
    ],
    sections: [
      {
        id: 'data-augmentation',
        title: 'Data Augmentation',
        summary:
          'A classifier should be invariant to many transformations, so plausible variants of the training images are synthesised, for example by changing brightness and contrast. Random crops during training come from resizing the short side to a random value between 256 and 480 and taking 224x224 crops. At test time a fixed set of 10 crops is used: four corners and the centre, each also flipped. Networks should be compared with the same augmentation, which counts as part of the design.',
      },
      {
        id: 'l2-vs-weight-decay',
        title: 'L2 Regularization vs Weight Decay',
        summary:
          'L2 regularization adds a penalty on large weights to the loss, so each gradient step also pulls the weights towards zero, which helps generalization. Weight decay shrinks the weights directly by a factor (1 - lambda) at every step. The two coincide for plain gradient descent but not for adaptive methods such as Adam.',
        formulas: [
          String.raw`\Theta_{k+1} = \Theta_k - \epsilon \nabla_{\Theta} L(\Theta_k, x, y) - \epsilon\lambda \Theta_k`,
          String.raw`\Theta_{k+1} = (1 - \lambda) \Theta_k - \alpha \nabla f_k(\Theta_k)`,
        ],
        erratum:
          'The notes write ∇_Θ(Θ_k, x, y) without the loss L, and subtract λΘ_k without the learning rate. With the penalty (λ/2)‖Θ‖² in the loss, the step is Θ_{k+1} = Θ_k − ε∇_Θ L(Θ_k, x, y) − ελΘ_k; the notes\' form holds only if λ already includes ε.',
      },
      {
        id: 'early-stopping',
        title: 'Early Stopping',
        summary:
          'Training is stopped at the point where the validation error is lowest, before the model starts to overfit the training data. The number of training iterations therefore acts as a regularizing hyperparameter.',
      },
      {
        id: 'bagging-ensembles',
        title: 'Bagging and Ensemble Methods',
        summary:
          'Several models are trained and their predictions averaged. Diversity can come from other optimizers, other losses, different resampled datasets (bagging) or simply from random initialization and SGD noise. When the individual errors are uncorrelated, the expected squared error of the average drops in proportion to the number of models.',
      },
      {
        id: 'dropout',
        title: 'Dropout',
        summary:
          'During training dropout switches off a random subset of neurons, typically half. The network cannot rely on any single unit, so it learns redundant representations and less co-adaptation. Dropout can also be seen as training a huge ensemble of sub-networks that share their parameters, each on a different minibatch.',
      },
      {
        id: 'dropout-test-time',
        title: 'Dropout at Test Time: Weight Scaling',
        summary:
          'At test time all neurons are active, so the training and test conditions differ, which is why frameworks distinguish train and eval modes. To keep the expected activation the same, outputs are scaled by the keep probability p. With two inputs and p = 0.5, averaging the four possible masks gives exactly half of the full sum.',
        formulas: [
          String.raw`z = (\theta_1 x_1 + \theta_2 x_2) \cdot p, \quad p = 0.5`,
          String.raw`\begin{aligned} E[z] &= \tfrac{1}{4} (\theta_1 0 + \theta_2 0 + \theta_1 x_1 + \theta_2 0 + \theta_1 0 + \theta_2 x_2 + \theta_1 x_1 + \theta_2 x_2) \\ &= \tfrac{1}{2} (\theta_1 x_1 + \theta_2 x_2) \end{aligned}`,
        ],
      },
      {
        id: 'dropout-today',
        title: 'Dropout Today and Monte Carlo Dropout',
        summary:
          'Dropout is an efficient form of bagging that lowers effective capacity, needs longer training (about 1.5 times) and combines well with L2 but poorly with batch normalization. It is now also used for uncertainty estimation: with Monte Carlo dropout the network is trained with a low drop rate such as 0.1 or 0.2, and at inference the same input is run 25 to 100 times with dropout on and the softmax outputs are averaged, which gives better-calibrated probabilities.',
      },
      {
        id: 'batch-normalization',
        title: 'Batch Normalization',
        summary:
          'Batch normalization keeps activations from dying out by normalizing each feature dimension to zero mean and unit variance. It sits after a fully connected or convolutional layer and before the non-linearity. A learned scale gamma and shift beta let the network restore any range it needs, up to undoing the normalization completely, and everything stays differentiable.',
        formulas: [
          String.raw`\hat{\mathbf{x}}^{(k)} = \frac{\mathbf{x}^{(k)} - E[\mathbf{x}^{(k)}]}{\sqrt{Var[\mathbf{x}^{(k)}]}}`,
          String.raw`\mathbf{y}^{(k)} = \gamma^{(k)} \hat{\mathbf{x}}^{(k)} + \beta^{(k)}`,
          String.raw`\gamma^{(k)} = \sqrt{Var[\mathbf{x}^{(k)}]}, \quad \beta^{(k)} = E[\mathbf{x}^{(k)}] \;\Rightarrow\; \mathbf{y}^{(k)} = \mathbf{x}^{(k)}`,
        ],
      },
      {
        id: 'bn-train-test',
        title: 'Batch Norm: Train vs Test',
        summary:
          'During training the mean and variance come from the current minibatch. At test time there may be only a single image, so the statistics are instead exponentially weighted running averages collected during training and controlled by a momentum hyperparameter.',
        formulas: [
          String.raw`Var_{running} = \beta_m \cdot Var_{running} + (1 - \beta_m) \cdot Var_{minibatch}`,
          String.raw`\mu_{running} = \beta_m \cdot \mu_{running} + (1 - \beta_m) \cdot \mu_{minibatch}`,
        ],
      },
      {
        id: 'bn-benefits-drawbacks',
        title: 'What Batch Norm Gives, and Other Normalizations',
        summary:
          'With batch normalization, very deep networks train more easily and with steadier gradients, and a much wider range of hyperparameters works. It was a milestone, but it depends on the batch statistics, which motivates alternatives that normalize over other axes.',
      },
      {
        id: 'recap-why-not-deeper',
        title: 'Recap: Why Not Simply More Layers?',
        summary:
          'The toolbox so far includes SGD variants, activation functions, back-propagation, data augmentation, weight regularization, batch norm, dropout and careful initialization. A network with one hidden layer can already approximate any function, but that says nothing about generalization. Stacking more fully connected layers adds no structure, makes optimization harder and eventually hurts performance, which motivates CNNs, RNNs and Transformers.',
        formulas: [
          String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}, \qquad \text{ReLU}(x) = \max(0, x)`,
          String.raw`R^2(\mathbf{W}) = \sum_{i=1}^N w_i^2`,
        ],
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 9
  {
    number: 9,
    slug: '09-cnn',
    title: 'Convolutional Neural Networks',
    topics: [
      'Why fully connected layers fail on images',
      'Convolutions and image filters',
      'Convolution layers on RGB volumes',
      'Output size, stride and padding',
      'Max and average pooling',
      'Receptive field',
    ],
    sections: [
      {
        id: 'fc-on-images',
        title: 'Problems with Fully Connected Layers on Images',
        summary:
          'Connecting every pixel of an image to every hidden unit needs a huge number of weights even for modest resolutions. Simply adding more fully connected layers is brute force: there is no structure, optimization gets harder and performance stalls. What is needed is a layer with fewer degrees of freedom that reuses the same weights across different parts of the image.',
      },
      {
        id: 'convolutions',
        title: 'What Are Convolutions?',
        summary:
          'A convolution slides a small function, the filter kernel, over a larger signal and combines them at every position. On images the kernel is a small grid of weights moved across the pixels, and each output value is a weighted sum of the pixels under the kernel.',
      },
      {
        id: 'image-filters',
        title: 'Image Filters',
        summary:
          'Different kernels produce different filtered images, for example blurring, sharpening or edge detection. A convolution layer learns its kernels from data instead of using hand-designed ones.',
      },
      {
        id: 'rgb-convolutions',
        title: 'Convolutions on RGB Images',
        summary:
          'A colour image such as 32x32x3 is a volume, and a filter always spans the full depth of its input. Sliding one filter over all positions produces one two-dimensional activation map, also called a feature map.',
      },
      {
        id: 'conv-layer',
        title: 'Convolution Layer',
        summary:
          'A convolution layer is defined by the width and height of its filters (the depth follows from the input) and by how many filters it has. Each filter yields its own activation map, and the maps are stacked into the output volume. Different filters pick up different image characteristics, such as horizontal or vertical edges, circles or squares.',
      },
      {
        id: 'stride-output-size',
        title: 'Output Size and Stride',
        summary:
          'The stride is how far the filter moves between positions. For an N x N input and an F x F filter, the output has (N - F)/S + 1 positions per side. For a 7x7 input with a 3x3 filter, stride 1 gives 5 and stride 2 gives 3, while stride 3 gives 2.33; a fractional result means the filter does not fit evenly, so that stride is not allowed.',
        formulas: [
          String.raw`\text{Output: } \left(\frac{N-F}{S} + 1\right) \times \left(\frac{N-F}{S} + 1\right)`,
          String.raw`N = 7, F = 3: \quad S = 1: \frac{7-3}{1} + 1 = 5, \quad S = 2: \frac{7-3}{2} + 1 = 3, \quad S = 3: \frac{7-3}{3} + 1 = 2.\bar{3}`,
        ],
      },
      {
        id: 'padding',
        title: 'Padding',
        summary:
          'Without padding the feature maps shrink quickly and border pixels are covered by few filter positions. Zero padding adds P rows and columns of zeros around the input, and the output size becomes a floor of (N + 2P - F)/S plus 1. A valid convolution uses no padding, and a same convolution keeps the input size with P = (F - 1)/2 at stride 1; a 7x7 input with a 3x3 filter and P = 1 stays 7x7.',
        formulas: [
          String.raw`\left(\left\lfloor \frac{N+2 \cdot P-F}{S} \right\rfloor + 1\right) \times \left(\left\lfloor \frac{N+2 \cdot P-F}{S} \right\rfloor + 1\right)`,
          String.raw`N = 7, F = 3, P = 1, S = 1: \quad \frac{7 + 2 - 3}{1} + 1 = 7`,
          String.raw`\text{Same convolution: } P = \frac{F-1}{2}`,
        ],
        erratum:
          'The zero-padding figure in the notes is a 10×10 grid filled entirely with zeros. Padding a 7×7 input with P = 1 gives a 9×9 grid (7 + 2·1): a one-pixel border of zeros around the original 7×7 values.',
      },
      {
        id: 'cnn-prototype',
        title: 'CNN Prototype and Learned Filters',
        summary:
          'A ConvNet chains convolution layers and activation functions. The filters learned in early layers look like simple edge and colour detectors, and deeper layers combine them into more complex patterns.',
      },
      {
        id: 'max-pooling',
        title: 'Max Pooling',
        summary:
          'Pooling shrinks each depth slice independently and has no learnable parameters. Convolution extracts features and pooling selects the strongest response in each region. With a 2x2 window and stride 2, the 4x4 example slice reduces to 6, 9, 3, 4. The output size follows the convolution formula without padding, the depth is unchanged, and common settings are F = 2, S = 2 and F = 3, S = 2.',
        formulas: [
          String.raw`\max\text{pool}_{2\times2, S=2}\begin{bmatrix} 3 & 1 & 3 & 5 \\ 6 & 0 & 7 & 9 \\ 3 & 2 & 1 & 4 \\ 0 & 2 & 4 & 3 \end{bmatrix} = \begin{bmatrix} 6 & 9 \\ 3 & 4 \end{bmatrix}`,
          String.raw`W_{out} = \frac{W_{in}-F}{S} + 1, \quad H_{out} = \frac{H_{in}-F}{S} + 1, \quad D_{out} = D_{in}`,
        ],
      },
      {
        id: 'average-pooling',
        title: 'Average Pooling',
        summary:
          'Average pooling takes the mean of each window instead of the maximum. On the same example slice it gives 2.5, 6, 1.75 and 3. It is usually placed deeper in the network.',
        formulas: [
          String.raw`\text{avgpool}_{2\times2, S=2}\begin{bmatrix} 3 & 1 & 3 & 5 \\ 6 & 0 & 7 & 9 \\ 3 & 2 & 1 & 4 \\ 0 & 2 & 4 & 3 \end{bmatrix} = \begin{bmatrix} 2.5 & 6 \\ 1.75 & 3 \end{bmatrix}`,
        ],
      },
      {
        id: 'fc-head-and-comparison',
        title: 'Final Fully Connected Layers; Convolutions vs FC',
        summary:
          'After the convolution and pooling stages, one or two ordinary fully connected layers make the final decision from the extracted features. Compared with fully connected layers, convolutions are structured: the same sliding filter is used at every position, so the weights are shared and a feature is detected wherever it appears.',
      },
      {
        id: 'receptive-field',
        title: 'Receptive Field',
        summary:
          'The receptive field is the region of the input that a given output pixel depends on. With a 3x3 filter each output pixel sees 9 input pixels, and stacking convolution layers widens the receptive field of the deeper units.',
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 10
  {
    number: 10,
    slug: '10-cnn-2',
    title: 'Convolutional Neural Networks II',
    topics: [
      'LeNet, AlexNet and VGG',
      'ImageNet and top-1 / top-5 metrics',
      'Residual blocks and ResNet',
      '1x1 convolutions and Inception',
      'Xception and depthwise separable convolutions',
      'Fully convolutional networks and upsampling',
      'U-Net',
    ],
    sections: [
      {
        id: 'lenet',
        title: 'LeNet',
        summary:
          'LeNet recognised handwritten digits (10 classes) using valid convolutions, average pooling and tanh or sigmoid activations; today max pooling and ReLU are far more common. Its layout, Conv, Pool, Conv, Pool, Conv, FC, set a pattern that later networks follow: width and height shrink while the number of filters grows. It has about 60k parameters.',
      },
      {
        id: 'benchmarks-metrics',
        title: 'ImageNet and Performance Metrics',
        summary:
          'The ImageNet Large Scale Visual Recognition Challenge became the main benchmark. Top-1 accuracy asks whether the most probable class is the correct one, and top-5 asks whether the correct class is among the five most probable. The top-5 error is the share of test images for which it is not.',
      },
      {
        id: 'alexnet',
        title: 'AlexNet',
        summary:
          'AlexNet halved the ImageNet error. It resembles LeNet but is about 1000 times larger, with roughly 60M parameters, uses same convolutions and ReLU instead of tanh or sigmoid, and ends in a softmax over 1000 classes.',
      },
      {
        id: 'vggnet',
        title: 'VGGNet',
        summary:
          'VGG aims for simplicity: every convolution is 3x3 with stride 1 and same padding, and every max pooling is 2x2 with stride 2. VGG-16 has 16 weight layers and about 138M parameters. It is large, but its regular design made it very popular.',
      },
      {
        id: 'depth-problem',
        title: 'The Problem of Depth',
        summary:
          'Adding more and more layers makes plain networks harder to train because gradients vanish or explode. Beyond some depth, performance actually gets worse, which raises the question of how to train very deep networks at all.',
      },
      {
        id: 'residual-block',
        title: 'Residual Blocks',
        summary:
          'A plain two-layer block applies a linear map and a non-linearity twice. A residual block adds a skip connection that carries the block input past the two layers and adds it to the pre-activation of the second layer. The shapes must match, so same convolutions are used, or else the skip is projected with learned weights or zero padding.',
        formulas: [
          String.raw`x^L = f(W^L x^{L-1} + b^L), \qquad x^{L+1} = f(W^{L+1} x^L + b^{L+1})`,
          String.raw`x^{L+1} = f(W^{L+1} x^L + b^{L+1} + x^{L-1})`,
        ],
      },
      {
        id: 'resnet',
        title: 'ResNet',
        summary:
          'ResNet stacks many residual blocks; ResNet-152 has about 60M parameters. It was trained with Xavier/2 initialization, SGD with momentum 0.9, a learning rate of 0.1 divided by 10 when progress plateaus, minibatches of 256, weight decay and no dropout.',
        formulas: [String.raw`\text{lr} = 0.1 \ (\div 10 \text{ on plateau}), \quad \text{momentum} = 0.9, \quad \text{batch} = 256, \quad \text{weight decay} = 10^{-4}`],
        erratum:
          'The notes give a weight decay of 10⁻⁵. The ResNet paper (He et al., 2015) trains with a weight decay of 0.0001 = 10⁻⁴.',
      },
      {
        id: 'why-resnet-works',
        title: 'Why Does ResNet Work?',
        summary:
          'If the weights of a residual block are driven to zero, the block simply passes its input on through the non-linearity, so learning the identity is easy. An extra block therefore need not make the network worse, and in practice deeper ResNets keep improving where plain networks degrade.',
        formulas: [String.raw`W^{L+1} = 0,\ b^{L+1} = 0 \;\Rightarrow\; x^{L+1} = f(x^{L-1})`],
      },
      {
        id: 'one-by-one-convolutions',
        title: '1x1 Convolutions',
        summary:
          'A 1x1 convolution mixes the channels at each pixel with a small fully connected layer and leaves the spatial size unchanged. It is a cheap way to shrink or expand the number of channels and to add extra non-linearity.',
      },
      {
        id: 'inception',
        title: 'Inception Layer',
        summary:
          'An Inception layer runs several convolutions of different sizes and a pooling branch in parallel and concatenates their outputs along the depth. 1x1 convolutions placed before the larger filters reduce the channel count and keep the computation affordable.',
      },
      {
        id: 'xception-depthwise',
        title: 'Xception and Depthwise Separable Convolutions',
        summary:
          'Xception pushes the Inception idea to the extreme by using modified depthwise separable convolutions: 36 convolution layers arranged in modules with skip connections, outperforming Inception V3. In a depthwise convolution each filter works on only its own group of input channels, which in PyTorch is set through the groups argument of Conv2d (1 for a normal convolution, equal to the number of channels for depthwise).',
      },
      {
        id: 'fully-convolutional',
        title: 'Fully Convolutional Networks',
        summary:
          'A classification network ends in fully connected layers that produce one label per image. Turning those layers into convolutions gives a fully convolutional network that outputs a coarse spatial map, which can be upsampled for semantic segmentation, where every pixel gets a label.',
      },
      {
        id: 'upsampling',
        title: 'Types of Upsampling',
        summary:
          'Getting back to the input resolution requires upsampling, either by fixed interpolation or by learned transposed convolutions, also called up-convolutions (but never deconvolutions). Cascading unpooling and convolution gives the encoder-decoder architecture, and adding skip connections between them leads to U-Net.',
      },
      {
        id: 'u-net',
        title: 'U-Net',
        summary:
          'The U-Net encoder is a typical CNN: two unpadded 3x3 convolutions with ReLU followed by 2x2 max pooling with stride 2, doubling the channel count at each downsampling. The decoder upsamples with 2x2 up-convolutions that halve the channels, concatenates the matching encoder feature maps through skip connections and applies two more 3x3 convolutions. A final 1x1 convolution maps the 64 channels to the number of classes.',
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 11
  {
    number: 11,
    slug: '11-rnn-transformers',
    title: 'Recurrent Neural Networks and Transformers',
    topics: [
      'Transfer and representation learning',
      'RNN structure and unrolling',
      'Vanishing and exploding gradients',
      'LSTM gates and code',
      'Attention and multi-head attention',
      'Transformers: positional encoding and complexity',
    ],
    sections: [
      {
        id: 'transfer-learning',
        title: 'Transfer Learning',
        summary:
          'Training from scratch needs a lot of annotated data and compute, so we reuse a network pre-trained on a large dataset such as ImageNet. The early layers are kept and a new classifier for the C target classes is trained, and with enough data more layers are fine-tuned at a low learning rate. This makes sense when both tasks have the same kind of input, the source task has more data, and its low-level features are useful for the target task.',
      },
      {
        id: 'representation-learning',
        title: 'Representation Learning',
        summary:
          'Good features are essential, and supervised models depend heavily on their labelled data, so small changes in the input can change results drastically. Representation learning discovers features that are useful for many tasks; deep networks learn them at several levels of abstraction, for example by learning to tell similar from dissimilar examples. Transfer learning is one way to use such representations and also a common way to measure their quality.',
      },
      {
        id: 'rnn-basics',
        title: 'Recurrent Neural Networks',
        summary:
          'RNNs process sequences: the input, the output or both can be sequences, giving one-to-many (captioning), many-to-one (recognition) and many-to-many (translation) set-ups. A hidden state is updated from its previous value and the current input with the same parameters at every time step, which lets the model generalise across positions. Unrolled in time, an RNN becomes a deep feed-forward network with shared weights.',
        formulas: [String.raw`A_t = \theta_c A_{t-1} + \theta_x x_t`, String.raw`h_t = \theta_h A_t`],
      },
      {
        id: 'long-term-dependencies',
        title: 'Long-Term Dependencies and Vanishing Gradients',
        summary:
          'Ignoring the inputs, the recurrence multiplies the state by the same matrix again and again, so the state after t steps is that matrix to the power t times the initial state. Using an eigendecomposition, eigenvalues with magnitude below one make gradients vanish and those above one make them explode, which gradient clipping can tame. Saturating tanh activations add to the vanishing problem, so ideally the cell state should be carried along with eigenvalues equal to one.',
        formulas: [
          String.raw`\mathbf{A}_t = \boldsymbol{\theta}_c^t \mathbf{A}_0`,
          String.raw`\boldsymbol{\theta} = \mathbf{Q} \boldsymbol{\Lambda} \mathbf{Q}^T, \quad \mathbf{Q}^T\mathbf{Q} = \mathbf{I}`,
          String.raw`\mathbf{A}_t = \mathbf{Q} \boldsymbol{\Lambda}^t \mathbf{Q}^T \mathbf{A}_0`,
        ],
        erratum:
          'The notes say "orthogonal θ allows us to simplify the recurrence". What is needed is an orthogonal eigenvector matrix Q (QᵀQ = I, i.e. a symmetric θ), so that θᵗ = QΛᵗQᵀ; an orthogonal θ itself would have all eigenvalues of magnitude 1.',
      },
      {
        id: 'lstm',
        title: 'Long Short-Term Memory (LSTM)',
        summary:
          'An LSTM adds a cell state that carries information through time, and gates that decide what is removed from it and what is added to it. The forget, input and output gates are sigmoids of the current input and previous hidden state, and a tanh produces the candidate update. The cell is updated element-wise, which gives the gradient a highway through time.',
        formulas: [
          String.raw`f_t = \text{sigm}(\theta_{xf}x_t + \theta_{hf}h_{t-1} + b_f), \qquad i_t = \text{sigm}(\theta_{xi}x_t + \theta_{hi}h_{t-1} + b_i)`,
          String.raw`o_t = \text{sigm}(\theta_{xo}x_t + \theta_{ho}h_{t-1} + b_o), \qquad g_t = \tanh(\theta_{xg}x_t + \theta_{hg}h_{t-1} + b_g)`,
          String.raw`C_t = f_t \odot C_{t-1} + i_t \odot g_t`,
          String.raw`h_t = o_t \odot \tanh(C_t)`,
        ],
        erratum:
          'The notes\' first step-by-step list labels h_t = o_t ⊙ tanh(C_t) as the "output gate". The output gate is o_t = sigm(θ_xo x_t + θ_ho h_{t−1} + b_o); h_t is the resulting hidden state (the output), as the later summary list in the notes shows.',
      },
      {
        id: 'lstm-code',
        title: 'LSTM in Code: Dimensions, Forward and Backward',
        summary:
          'In code the hidden size H has to be chosen and all dimensions must match. One matrix product with input weights of shape (D, 4H) and hidden weights of shape (H, 4H) computes the pre-activations of all four gates at once, which are then split into blocks of H. The backward pass reverses the five forward steps with the chain rule, using the sigmoid derivative s(1 - s) and the tanh derivative 1 - tanh squared.',
        formulas: [
          String.raw`a = x W_x + h_{t-1} W_h + b, \qquad a \in \mathbb{R}^{N \times 4H}`,
          String.raw`\frac{\partial \tanh(a_g)}{\partial a_g} = 1 - \tanh^2(a_g), \qquad \frac{\partial\, \text{sigm}(a)}{\partial a} = \text{sigm}(a)(1 - \text{sigm}(a))`,
          String.raw`\frac{\partial L}{\partial C_t} \mathrel{+}= o_t \odot (1 - \tanh^2(C_t)) \odot \frac{\partial L}{\partial h_t}`,
          String.raw`\frac{\partial L}{\partial h_{t-1}} = \frac{\partial L}{\partial a} W_h^T, \qquad \frac{\partial L}{\partial W_h} = h_{t-1}^T \frac{\partial L}{\partial a}, \qquad \frac{\partial L}{\partial x} = \frac{\partial L}{\partial a} W_x^T`,
        ],
        erratum:
          'The backward code in the notes has two bugs: dag = (1 - np.tanh(ag)) ** 2 * dg squares (1 − tanh a) instead of using 1 − tanh²a, so it should be dag = (1 - np.tanh(ag) ** 2) * dg; and dprev_h = da.dot(Wh.T, da.T) is not a valid product, it should be dprev_h = da.dot(Wh.T). The docstring of lstm_step_backward is also never closed with """.',
      },
      {
        id: 'attention',
        title: 'Attention',
        summary:
          'Convolutions and recurrences relate distant positions only through many steps, which makes long-term dependencies hard. Attention lets the decoder look directly at all encoder states. At each step the decoder uses its previous hidden state, its previous output and an attention-weighted summary of the input.',
      },
      {
        id: 'deep-learning-2',
        title: 'Transformers: Deep Learning 2.0',
        summary:
          'Where the first deep learning wave was built on convolution (AlexNet, NeurIPS 2012, computer vision), the second is built on attention (Transformers, NeurIPS 2017, NLP). Transformers took over vision around 2020 to 2021 and now replace or augment CNNs and RNNs.',
      },
      {
        id: 'multi-head-attention',
        title: 'Scaled Dot-Product and Multi-Head Attention',
        summary:
          'Attention is a differentiable lookup: a query is compared with all keys by dot products, a softmax turns the similarities into weights, and the output is the weighted sum of the values. The scores are divided by the square root of the key dimension so that large dot products do not push the softmax into regions with tiny gradients. Several such heads run in parallel.',
        formulas: [String.raw`\text{Attention}(Q, K, V) = \text{softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right)V`],
      },
      {
        id: 'transformer-architecture',
        title: 'Transformers: A Closer Look',
        summary:
          'A Transformer stacks N layers, each with multi-head attention followed by fully connected layers. The decoder uses masked self-attention so that position i can only depend on earlier outputs, plus encoder-decoder attention, and ends in a projection and prediction. Unlike a convolution, which applies a different linear map for each relative position, plain self-attention is a weighted average that does not know where information came from.',
      },
      {
        id: 'positional-encoding',
        title: 'Positional Encoding',
        summary:
          'To give the model access to the order of the sequence, fixed sinusoidal encodings are added to the inputs. Even dimensions use a sine and odd dimensions a cosine, with wavelengths that grow geometrically with the dimension index.',
        formulas: [
          String.raw`PE_{(pos,2i)} = \sin\left(\frac{pos}{10000^{2i/d_{\text{model}}}}\right)`,
          String.raw`PE_{(pos,2i+1)} = \cos\left(\frac{pos}{10000^{2i/d_{\text{model}}}}\right)`,
        ],
      },
      {
        id: 'self-attention-complexity',
        title: 'Self-Attention Complexity',
        summary:
          'Self-attention costs O(n squared times d) per layer but needs only a constant number of sequential operations and connects any two positions in one step. Recurrent layers cost O(n times d squared) with O(n) sequential steps and path length, and convolutions need O(log_k n) layers to connect distant positions. Since sentence lengths are often smaller than the representation dimension, self-attention is efficient in practice.',
        formulas: [
          String.raw`\text{Self-Attention: } O(n^2 \cdot d),\ O(1),\ O(1) \qquad \text{Recurrent: } O(n \cdot d^2),\ O(n),\ O(n)`,
          String.raw`\text{Convolutional: } O(k \cdot n \cdot d^2),\ O(1),\ O(\log_k(n)) \qquad \text{Restricted: } O(r \cdot n \cdot d),\ O(1),\ O(n/r)`,
        ],
      },
      {
        id: 'transformer-training-results',
        title: 'Training Tricks, Results and Impact',
        summary:
          'Transformers are trained with Adam and a schedule that increases the learning rate linearly during warm-up and then decays it with the inverse square root of the step, together with residual dropout, label smoothing and checkpoint averaging. The big model reached 28.4 BLEU on English-German and 41.0 on English-French at a fraction of earlier training costs. Transformers underlie BERT and GPT and have spread from NLP to vision and other fields.',
        formulas: [
          String.raw`lrate = d_{\text{model}}^{-0.5} \cdot \min(step\_num^{-0.5},\ step\_num \cdot warmup\_steps^{-1.5})`,
        ],
      },
    ],
  },

  // ---------------------------------------------------------------- Lecture 12
  {
    number: 12,
    slug: '12-advanced',
    title: 'Advanced DL topics',
    topics: [
      'Graph neural networks and message passing',
      'Autoencoders and variational autoencoders',
      'Generative adversarial networks',
      'Diffusion models',
      'Reinforcement learning and MDPs',
      'Course overview',
    ],
    sections: [
      {
        id: 'graphs',
        title: 'Graphs and Deep Learning on Graphs',
        summary:
          'A graph represents concepts as nodes and their connections as edges. Graph neural networks extend deep learning to such data, which brings two challenges: the number of nodes and edges varies from input to input, and the result must not depend on the order in which nodes are listed.',
        erratum:
          'The notes cite Kipf et al., "Semi-Supervised Classification with Graph Convolutional Networks", as ICLR 2016. The paper was posted on arXiv in 2016 and published at ICLR 2017.',
      },
      {
        id: 'node-to-edge',
        title: 'Message Passing: Node-to-Edge Updates',
        summary:
          'Message passing alternates two kinds of update. In the first, each edge embedding is recomputed from its own previous embedding and those of its two end nodes, using a learnable function such as an MLP whose weights are shared across the whole graph.',
        formulas: [String.raw`h_{(i,j)}^{(l)} = \mathcal{N}_e \left([h_i^{(l-1)}, h_{(i,j)}^{(l-1)}, h_j^{(l-1)}] \right)`],
      },
      {
        id: 'edge-to-node',
        title: 'Message Passing: Edge-to-Node Updates',
        summary:
          'Each node then gathers the updated embeddings of its incident edges with an order-invariant operation such as a sum, mean or max. A second shared learnable function combines this message with the node\'s previous embedding, so every node picks up context from its neighbours.',
        formulas: [
          String.raw`m_i^{(l)} = \Phi \left(\left\{ h_{(i,j)}^{(l)} \right\}_{j \in N_i} \right)`,
          String.raw`h_i^{(l)} = \mathcal{N}_v \left([m_i^{(l)}, h_i^{(l-1)}] \right)`,
        ],
      },
      {
        id: 'gnn-applications',
        title: 'GNN Applications',
        summary:
          'GNNs classify nodes or edges, for example to detect spam or fraud and to discover relationships in social networks. They also model epidemics and traffic as spatio-temporal graphs and generate scene graphs and 3D meshes.',
      },
      {
        id: 'generative-models',
        title: 'Generative Models',
        summary:
          'Segmentation networks such as FCN and SegNet already map images to images. Generative models go a step further: given training data, they learn to produce new samples that look as if they came from the same distribution.',
      },
      {
        id: 'autoencoders-vae',
        title: 'Autoencoders and Variational Autoencoders',
        summary:
          'An autoencoder compresses its input into a bottleneck representation and reconstructs it with a decoder, without needing labels. A variational autoencoder makes the latent code a Gaussian distribution: training keeps the latent space close to a Gaussian while reconstructing the input well, and at test time new outputs are generated by sampling latent codes. Its latent space is often interpretable, for example head pose or smile.',
      },
      {
        id: 'gans',
        title: 'Generative Adversarial Networks',
        summary:
          'A GAN trains a generator, a decoder that maps random noise to samples, against a discriminator that tries to tell real data from generated data. The discriminator minimises a binary cross-entropy, and in the minimax game the generator minimises the probability that the discriminator is right. The equilibrium is a saddle point, and the discriminator supplies the gradients that train the generator. Applications include BigGAN, StyleGAN, CycleGAN, SPADE and Texturify.',
        formulas: [
          String.raw`J^{(D)} = -\frac{1}{2} \mathbb{E}_{x \sim p_{data}} \log D(x) - \frac{1}{2} \mathbb{E}_z \log (1 - D(G(z)))`,
          String.raw`J^{(G)} = -J^{(D)}`,
        ],
      },
      {
        id: 'forward-diffusion',
        title: 'Diffusion: The Forward Process',
        summary:
          'Diffusion models, behind DALL-E 2, Imagen and Stable Diffusion, gradually corrupt an image with Gaussian noise over T steps of a Markov chain and train a network to undo it. Each forward step depends only on the previous one. Because Gaussians combine in closed form, the noisy image at any step t can be sampled directly from the clean image.',
        formulas: [
          String.raw`q(x_{1:T}|x_0) = \prod_{t=1}^T q(x_t|x_{t-1})`,
          String.raw`\alpha_t = 1 - \beta_t, \qquad \bar{\alpha}_t = \prod_{s=1}^t \alpha_s`,
          String.raw`\begin{aligned} x_t &= \sqrt{1 - \beta_t}\,x_{t-1} + \sqrt{\beta_t}\,\epsilon_{t-1} = \sqrt{\alpha_t}\,x_{t-1} + \sqrt{1 - \alpha_t}\,\epsilon_{t-1} \\ &= \sqrt{\alpha_t \alpha_{t-1}}\,x_{t-2} + \sqrt{1 - \alpha_t \alpha_{t-1}}\,\bar{\epsilon}_{t-2} \\ &= \dots \\ &= \sqrt{\bar{\alpha}_t}\,x_0 + \sqrt{1 - \bar{\alpha}_t}\,\epsilon \end{aligned}`,
          String.raw`x_t \sim q(x_t|x_0) = \mathcal{N}(x_t; \sqrt{\bar{\alpha}_t}x_0, (1 - \bar{\alpha}_t)\mathbf{I})`,
        ],
        erratum:
          'The notes\' second line, √α_t x_{t−2} + √(1 − α_t) ε_{t−2}, is wrong: unrolling two steps gives √(α_t α_{t−1}) x_{t−2} + √(1 − α_t α_{t−1}) ε̄_{t−2}, where the merged noise ε̄ is again standard Gaussian. The notes also start the product ᾱ_t at s = 0; it runs over the steps s = 1, …, t.',
      },
      {
        id: 'reverse-diffusion',
        title: 'Diffusion: The Reverse Process',
        summary:
          'As the number of steps grows, the final noisy image becomes pure Gaussian noise. Generating means sampling that noise and running the process backwards. The true reverse step is intractable, so a network with parameters theta predicts the mean (and possibly the covariance) of each Gaussian reverse step.',
        formulas: [
          String.raw`p_\theta(x_{t-1}|x_t) = \mathcal{N}(x_{t-1}; \mu_\theta(x_t, t), \Sigma_\theta(x_t, t))`,
          String.raw`p_\theta(x_{0:T}) = p_\theta(x_T) \prod_{t=1}^T p_\theta(x_{t-1}|x_t)`,
        ],
      },
      {
        id: 'training-diffusion',
        title: 'Training and Using Diffusion Models',
        summary:
          'Training minimises a variational bound on the negative log-likelihood, made of KL divergences between the true posteriors and the model\'s reverse steps. Because both are Gaussians, each term reduces to a squared distance between the posterior mean and the predicted mean. Inputs and outputs have the same size, so U-Nets are the usual architecture, and applications include text-to-image, inpainting and outpainting, and text-to-3D NeRFs.',
        formulas: [
          String.raw`L_{VLB} = \mathbb{E}_q \Big[ \underbrace{D_{KL}(q(x_T|x_0) \,\|\, p_\theta(x_T))}_{L_T} + \sum_{t=2}^T \underbrace{D_{KL}(q(x_{t-1}|x_t, x_0) \,\|\, p_\theta(x_{t-1}|x_t))}_{L_{t-1}} \underbrace{- \log p_\theta(x_0|x_1)}_{L_0} \Big]`,
          String.raw`L_{t-1} \propto \|\tilde{\mu}_t(x_t, x_0) - \mu_\theta(x_t, t)\|^2`,
        ],
        erratum:
          'The notes misplace a parenthesis in the first term, D_KL(q(x_T|x_0||p_θ(x_T))); it should read D_KL(q(x_T|x_0) ‖ p_θ(x_T)). The expectation over q also applies to all three terms, not only to L_T.',
      },
      {
        id: 'rl-basics',
        title: 'Reinforcement Learning: Agent and Environment',
        summary:
          'In reinforcement learning an agent learns by carrot and stick: good actions earn rewards and bad ones are punished. It observes the environment, acts, and receives a reward and a new observation. The data is sequential rather than i.i.d., actions change future inputs, and there is no supervisor, only the reward signal.',
      },
      {
        id: 'rl-state-markov',
        title: 'History, State and the Markov Assumption',
        summary:
          'The agent\'s decisions depend on the history of observations, actions and rewards, which grows without bound. A state is a summary of that history. Under the Markov assumption the state carries everything relevant, so the future is independent of the past given the present.',
        formulas: [
          String.raw`h_t = o_1, a_1, r_1, \dots, a_{t-1}, r_{t-1}, o_t, \qquad s_t = f(h_t)`,
          String.raw`\mathbb{P}[s_{t+1}|s_t] = \mathbb{P}[s_{t+1}|s_1, \dots, s_t]`,
        ],
      },
      {
        id: 'mdp-and-agent',
        title: 'Markov Decision Processes and Agent Components',
        summary:
          'Formally, an RL problem is a Markov decision process given by the states, the actions, the reward distribution, the transition probabilities and a discount factor for future rewards. An agent has a policy that maps states to actions, and value or Q-functions that estimate the expected future reward of a state or a state-action pair.',
        formulas: [String.raw`(\mathcal{S}, \mathcal{A}, \mathcal{R}, \mathbb{P}, \gamma)`, String.raw`a = \pi(s)`],
      },
      {
        id: 'course-overview',
        title: 'I2DL Overview',
        summary:
          'The course moved from machine learning basics (supervised vs unsupervised learning, data splits, linear and logistic regression) to neural networks (back-propagation, activation and loss functions). It then covered training (gradient descent, SGD, regularization) and network types: CNNs, autoencoders, RNNs and GANs.',
      },
    ],
  },
];
