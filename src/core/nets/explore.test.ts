import { it } from 'vitest';
import { tf } from '../tf';
import { Rng } from '../rng';
import { createScoreNet } from './score-net';
const M = [3, -1], V = [4, 0.25];
function gd(n: number, rng: Rng) { const o = new Float32Array(2*n); for (let i=0;i<n;i++){o[2*i]=M[0]+2*rng.normal();o[2*i+1]=M[1]+0.5*rng.normal();} return o; }
function rel(level: {a:number,s2:number}, net: any) {
  const rng = new Rng(99); const n = 400; const x0 = gd(n, rng); const x = new Float32Array(2*n); const ex = new Float32Array(2*n);
  for (let i=0;i<2*n;i++){const k=i%2; x[i]=level.a*x0[i]+Math.sqrt(level.s2)*rng.normal(); ex[i]=-(x[i]-level.a*M[k])/(level.a**2*V[k]+level.s2);}
  const t = tf.tensor2d(x,[n,2]); const s = net.score(t, level).dataSync(); let nu=0,de=0; for(let i=0;i<2*n;i++){nu+=(s[i]-ex[i])**2;de+=ex[i]**2;} return Math.sqrt(nu/de).toFixed(3);
}
it('explore', () => {
  const data = tf.tensor2d(gd(2000, new Rng(1)), [2000, 2]);
  for (const [hidden, batch, lr, steps, clip] of [[64,128,3e-3,200,1],[64,128,1e-2,200,1],[64,128,1e-2,200,Infinity],[64,256,1e-2,200,1],[32,128,1e-2,200,1]]) {
    const net = createScoreNet({hidden, depth:3, lr, batch, dataScale:2, rng:new Rng(7)}, {clipNorm: clip});
    const levels = [{a:Math.sqrt(0.8),s2:0.2},{a:1,s2:1},{a:Math.sqrt(0.99),s2:0.01},{a:1,s2:0.0001}];
    const b = levels.map(l=>rel(l,net));
    const t0 = performance.now(); const L:number[]=[];
    for (let i=0;i<steps;i++) L.push(net.trainStep(data));
    const ms = performance.now()-t0;
    const avg=(a:number[])=>(a.reduce((p,q)=>p+q,0)/a.length).toFixed(3);
    console.log(hidden,batch,lr,steps,clip,'ms',ms.toFixed(0),'before',b.join(' '),'after',levels.map(l=>rel(l,net)).join(' '),'loss',avg(L.slice(0,30)),avg(L.slice(-30)));
    net.dispose();
  }
}, 120000);
