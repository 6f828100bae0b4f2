// Unit tests run tfjs on the CPU backend in Node (tfjs-node cannot install here).
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';

tf.env().set('PROD', true); // no "install tfjs-node" banner in test output
await tf.setBackend('cpu');
await tf.ready();
