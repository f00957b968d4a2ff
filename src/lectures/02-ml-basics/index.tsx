/**
 * Lecture 2 — Machine Learning Basics, in the lecture's order: nearest neighbours, data splits,
 * kinds of learning, linear regression (model, loss, closed form, maximum likelihood),
 * regression against classification, logistic regression.
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';

const KnnLab = lazy(() => import('./labs/knn/KnnLab').then((m) => ({ default: m.KnnLab })));
const LinregLab = lazy(() => import('./labs/linreg/LinregLab').then((m) => ({ default: m.LinregLab })));
const LogregLab = lazy(() => import('./labs/logreg/LogregLab').then((m) => ({ default: m.LogregLab })));
import SelfCheck from '../../selfcheck/SelfCheck';

function Classification() {
  return (
    <>
      <Section id="nearest-neighbour" title="A simple classifier: nearest neighbours">
        <p>
          The simplest classifier remembers every labelled example it has seen. To label a new point it looks up the
          training points closest to it and lets them vote. Two choices shape it: how distance is measured, and how many
          neighbours <Tex math="k" /> get a vote.
        </p>
        <Tex display math="d_{L1}(x, c) = |x - c| = \sum_j |x_j - c_j| \qquad d_{L2}(x, c) = \|x - c\|_2 = \sqrt{\sum_j (x_j - c_j)^2}" />
        <p>
          These are <em>hyperparameters</em>: they are not learned from the data, and the best setting depends on the
          problem. With <Tex math="k = 1" /> the regions follow every noisy point; a larger <Tex math="k" /> smooths them.
        </p>
      </Section>
      <Section id="data-splits" title="Learning from experience: splitting the data">
        <p>
          A learning task has three parts: the task (classify images), a performance measure (accuracy) and experience (the
          data). To measure performance honestly the data are split three ways, typically 60 % training, 20 % validation and
          20 % test (80/10/10 is also common). The model's parameters <Tex math="\theta" /> are fitted on the training set;
          hyperparameters such as <Tex math="k" /> are chosen using the training and validation sets together; the test set is
          used only once, at the very end.
        </p>
      </Section>
      <Section id="learning-types" title="Supervised and unsupervised learning">
        <p>
          In <strong>supervised</strong> learning every example comes with its label or target, as in the classifier below. In{' '}
          <strong>unsupervised</strong> learning there are no labels: the aim is to find structure in the data, for example with
          clustering (k-means) or PCA.
        </p>
      </Section>
      <LabSlot id="knn" title="Nearest-neighbour classifier" lab={KnnLab} />
    </>
  );
}

function LinearRegression() {
  return (
    <>
      <Section id="linear-prediction" title="Linear regression: a linear model">
        <p>
          Linear regression is supervised: it looks for a linear model that explains a target <Tex math="y" /> from inputs{' '}
          <Tex math="x" />. Each of the <Tex math="d" /> input features gets a weight, and a bias <Tex math="\theta_0" /> is added:
        </p>
        <Tex display math="\hat{y}_i = \theta_0 + \sum_{j=1}^d x_{ij}\theta_j = \theta_0 + x_{i1}\theta_1 + x_{i2}\theta_2 + \dots + x_{id}\theta_d" />
        <p>
          Putting a 1 in front of each sample's features folds the bias into the weights, and all <Tex math="n" /> predictions
          become one matrix product with <Tex math="d" /> weights and one bias:
        </p>
        <Tex display math="\begin{bmatrix} \hat{y}_1 \\ \hat{y}_2 \\ \vdots \\ \hat{y}_n \end{bmatrix} = \begin{bmatrix} 1 & x_{11} & \dots & x_{1d} \\ 1 & x_{21} & \dots & x_{2d} \\ \vdots & \vdots & \ddots & \vdots \\ 1 & x_{n1} & \dots & x_{nd} \end{bmatrix} \begin{bmatrix} \theta_0 \\ \theta_1 \\ \vdots \\ \theta_d \end{bmatrix} \quad\Longleftrightarrow\quad \hat{\mathbf{y}} = \mathbf{X}\theta" />
        <p>
          The notes' example predicts the temperature of a building from the outside temperature, the humidity, the number of
          people inside and the sun exposure. The lab below starts with exactly the notes' two buildings.
        </p>
      </Section>
      <Section id="loss-and-optimisation" title="Loss function and optimisation">
        <p>
          To obtain the model we need two things. A <strong>loss function</strong> measures how good the estimate is and tells
          the optimiser how to improve it; <strong>optimisation</strong> changes the parameters to lower the loss. For
          regression the loss is the mean squared error:
        </p>
        <Tex display math="J(\theta) = \frac{1}{n}\sum_{i=1}^n (\hat{y}_i - y_i)^2" />
      </Section>
      <Section id="least-squares" title="Linear least squares in closed form">
        <p>
          Minimising this loss is linear least squares. The problem is convex and has a unique closed-form solution. Dropping
          the constant factor and writing it with matrices:
        </p>
        <Tex display math="\min_\theta J(\theta) = \frac{1}{n}\sum_{i=1}^n (\mathbf{x}_i\theta - y_i)^2 \;\propto\; (\mathbf{X}\theta - \mathbf{y})^T(\mathbf{X}\theta - \mathbf{y})" />
        <p>Setting the gradient to zero gives the normal equations and their solution:</p>
        <Tex display math="\frac{\partial J(\theta)}{\partial \theta} = 2\mathbf{X}^T\mathbf{X}\theta - 2\mathbf{X}^T\mathbf{y} = 0 \quad\Longrightarrow\quad \theta = (\mathbf{X}^T\mathbf{X})^{-1}\mathbf{X}^T\mathbf{y}" />
        <Erratum>
          the notes write the gradient as <Tex math="2\mathbf{X}^T\mathbf{x}\theta - 2\mathbf{X}^T\mathbf{y}" /> with a lower-case{' '}
          <Tex math="\mathbf{x}" />; it is the full matrix, <Tex math="2\mathbf{X}^T\mathbf{X}\theta - 2\mathbf{X}^T\mathbf{y}" />.
        </Erratum>
      </Section>
      <Section id="maximum-likelihood" title="Maximum likelihood">
        <p>
          Why is least squares a good estimate? Maximum likelihood estimation picks the parameters under which the observed
          data are most probable. If the samples are independent and identically distributed (i.i.d.), the likelihood is a
          product, and its logarithm a sum:
        </p>
        <Tex display math="\theta_{ML} = \arg\max_\theta \prod_{i=1}^n p_{model}(y_i \mid \mathbf{x}_i, \theta) = \arg\max_\theta \sum_{i=1}^n \log p_{model}(y_i \mid \mathbf{x}_i, \theta)" />
        <p>
          Assume the targets are the linear model plus Gaussian noise, <Tex math="y_i = \mathbf{x}_i\theta + \varepsilon_i" /> with{' '}
          <Tex math="\varepsilon_i \sim \mathcal{N}(0, \sigma^2)" />, so that <Tex math="y_i \sim \mathcal{N}(\mathbf{x}_i\theta, \sigma^2)" />:
        </p>
        <Tex display math="p(y_i \mid \mathbf{x}_i, \theta) = (2\pi\sigma^2)^{-1/2}\, e^{-\frac{1}{2\sigma^2}(y_i - \mathbf{x}_i\theta)^2}" />
        <Erratum>
          the notes call the noise term <Tex math="\sigma_i" />, the same letter as the standard deviation <Tex math="\sigma" />; here
          it is <Tex math="\varepsilon_i" />, drawn from <Tex math="\mathcal{N}(0, \sigma^2)" />.
        </Erratum>
        <p>
          Taking logs, every term is a constant minus <Tex math="\tfrac{1}{2\sigma^2}(y_i - \mathbf{x}_i\theta)^2" />, so maximising the
          likelihood is minimising the squared error: under these assumptions the maximum-likelihood estimate <em>is</em> the
          least-squares estimate. The lab shows both curves peaking at the same <Tex math="\theta" />.
        </p>
      </Section>
      <LabSlot id="linreg" title="Linear regression" lab={LinregLab} />
    </>
  );
}

function LogisticRegression() {
  return (
    <>
      <Section id="regression-vs-classification" title="Regression against classification">
        <p>
          Regression predicts a continuous value, such as the temperature of a room. Classification predicts a discrete one:
          in binary classification the output is 0 or 1, in multi-class classification one of <Tex math="N" /> classes.
        </p>
      </Section>
      <Section id="logistic-regression" title="Logistic regression">
        <p>
          For a binary output, squash the linear model through the sigmoid so that it reads as a probability:
        </p>
        <Tex display math="\hat{y}_i = \sigma(\mathbf{x}_i\theta), \qquad \sigma(z) = \frac{1}{1 + e^{-z}}" />
        <p>The probability of all the labels (each a coin flip with its own <Tex math="\hat{y}_i" />) and its logarithm are</p>
        <Tex display math="p(\mathbf{y} \mid \mathbf{X}, \theta) = \prod_{i=1}^n \hat{y}_i^{\,y_i}(1 - \hat{y}_i)^{1 - y_i}, \qquad \log p(\mathbf{y} \mid \mathbf{X}, \theta) = \sum_{i=1}^n y_i\log\hat{y}_i + (1 - y_i)\log(1 - \hat{y}_i)" />
        <Erratum>
          the notes write <Tex math="p(\mathbf{y} \mid \mathbf{X}, \theta) = \hat{y} = \prod_i \dots" />; the likelihood is the product
          itself, not the prediction <Tex math="\hat{y}" />.
        </Erratum>
        <p>
          Maximising this likelihood is minimising its negative: the binary cross-entropy loss per sample, and the cost over the
          data set. For <Tex math="y_i = 1" /> the loss is <Tex math="-\log\hat{y}_i" />, small only when the model is confident and right.
        </p>
        <Tex display math="\mathcal{L}(\hat{y}_i, y_i) = -\big[y_i\log\hat{y}_i + (1 - y_i)\log(1 - \hat{y}_i)\big]" />
        <Tex display math="\mathcal{C}(\theta) = \frac{1}{n}\sum_{i=1}^n \mathcal{L}(\hat{y}_i, y_i) = -\frac{1}{n}\sum_{i=1}^n \big[y_i\log\hat{y}_i + (1 - y_i)\log(1 - \hat{y}_i)\big]" />
        <Erratum>
          the notes write <Tex math="\mathcal{C}(\theta) = -\frac{1}{n}\sum_i \mathcal{L}(\hat{y}_i, y_i)" />, but <Tex math="\mathcal{L}" /> already
          carries the minus sign, so that would maximise the loss. The cost is the plain mean of <Tex math="\mathcal{L}" />, as written above (the
          notes' second line, with the minus in front of the log-likelihood terms, is right).
        </Erratum>
        <p>
          Unlike least squares there is no closed-form solution, so we use an iterative method: gradient descent. Its gradient
          has the same shape as in linear regression, <Tex math="\nabla_\theta\mathcal{C} = \frac{1}{n}\mathbf{X}^T(\hat{\mathbf{y}} - \mathbf{y})" />.
        </p>
      </Section>
      <LabSlot id="logreg" title="Logistic regression" lab={LogregLab} />
    </>
  );
}

export default function Lecture02(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        How a machine learns from examples: a classifier that just remembers, the discipline of train, validation and test sets,
        and the first two models fitted by minimising a loss — linear and logistic regression.
      </p>
      <Classification />
      <LinearRegression />
      <LogisticRegression />
      <SelfCheck lecture="02-ml-basics" />
    </div>
  );
}
