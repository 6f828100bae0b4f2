;; The mixture score kernel in WebAssembly SIMD (f32x4): four particles per instruction. Source of the
;; bytes in gmm-simd-bytes.ts (`node scripts/build-wasm.mjs` regenerates them; gmm-simd.test.ts checks
;; they match this file). The JavaScript kernel (gmm-kernel-js.ts) stays the reference and the fallback.
;;
;; Memory layout, set by gmm-simd.ts (byte offsets, all 16-byte aligned):
;;   p          K components x 6 constants, each splatted to a v128 (a mu_x, a mu_y, w11, w21, w22, logc)
;;   xs, ys     particle coordinates, structure of arrays, n4 groups of four
;;   gx, gy     out: the score
;;   m, s       out: max logit and sum exp(l_k - m), so log p = m + log s
;;
;; Two passes over the components per group of four particles: the max logit first (no exp), then the
;; sums. A component is skipped when all four of its logits are more than 30 below their max (it adds
;; < e^-30 to a sum >= 1: below float32's resolution), which for a well-separated mixture is most of
;; them; in a group that is not skipped, such lanes get an exact 0 (a denormal would be slow).
;;
;; What made it fast (V8, measured at N = 10 000 on MoG-40): f32x4.pmax instead of f32x4.max (max's NaN
;; and -0 rules cost a handful of instructions on x86; pmax is one), exp inlined (a call per component
;; cost more than the exp), rounding by the 1.5 * 2^23 trick instead of nearest + trunc_sat.
(module
  (memory (export "memory") 1)

  ;; score(p, K, xs, ys, gx, gy, m, s, n4): byte offsets as above, n4 = number of groups of four
  (func (export "score")
    (param $p i32) (param $K i32) (param $xs i32) (param $ys i32)
    (param $gx i32) (param $gy i32) (param $m i32) (param $s i32) (param $n4 i32)
    (local $i i32) (local $o i32) (local $pe i32) (local $X v128) (local $Y v128) (local $M v128)
    (local.set $pe (i32.add (local.get $p) (i32.mul (local.get $K) (i32.const 96))))
    (block $done
      (loop $groups
        (br_if $done (i32.ge_u (local.get $i) (local.get $n4)))
        (local.set $o (i32.shl (local.get $i) (i32.const 4)))
        (local.set $X (v128.load (i32.add (local.get $xs) (local.get $o))))
        (local.set $Y (v128.load (i32.add (local.get $ys) (local.get $o))))
        (local.set $M (call $maxLogit (local.get $p) (local.get $pe) (local.get $X) (local.get $Y)))
        (call $sums (local.get $p) (local.get $pe) (local.get $X) (local.get $Y) (local.get $M)
          (local.get $gx) (local.get $gy) (local.get $s) (local.get $o))
        (v128.store (i32.add (local.get $m) (local.get $o)) (local.get $M))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $groups))))

  ;; the max logit over the components at [k, pe) for four particles. pmax drops a NaN logit here; the
  ;; NaN still reaches the output through the second pass, which never skips a NaN lane.
  (func $maxLogit (param $k i32) (param $pe i32) (param $X v128) (param $Y v128) (result v128)
    (local $M v128) (local $dx v128) (local $u v128) (local $v v128)
    (local.set $M (v128.const f32x4 -inf -inf -inf -inf))
    (block $done
      (loop $comps
        (br_if $done (i32.ge_u (local.get $k) (local.get $pe)))
        (local.set $dx (f32x4.sub (local.get $X) (v128.load offset=0 (local.get $k))))
        (local.set $u (f32x4.mul (v128.load offset=32 (local.get $k)) (local.get $dx)))
        (local.set $v (f32x4.add
          (f32x4.mul (v128.load offset=48 (local.get $k)) (local.get $dx))
          (f32x4.mul (v128.load offset=64 (local.get $k)) (f32x4.sub (local.get $Y) (v128.load offset=16 (local.get $k))))))
        (local.set $M (f32x4.pmax (local.get $M)
          (f32x4.sub (v128.load offset=80 (local.get $k))
            (f32x4.mul (v128.const f32x4 0.5 0.5 0.5 0.5)
              (f32x4.add (f32x4.mul (local.get $u) (local.get $u)) (f32x4.mul (local.get $v) (local.get $v)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 96)))
        (br $comps)))
    (local.get $M))

  ;; the sums for four particles given their max logit M; writes gx, gy, s at byte offset o
  (func $sums (param $k i32) (param $pe i32) (param $X v128) (param $Y v128) (param $M v128)
    (param $gx i32) (param $gy i32) (param $s i32) (param $o i32)
    (local $dx v128) (local $u v128) (local $v v128) (local $d v128) (local $e v128) (local $live v128)
    (local $w11 v128) (local $w21 v128) (local $w22 v128)
    (local $S v128) (local $GX v128) (local $GY v128)
    (local $y v128) (local $t v128) (local $r v128) (local $q v128)
    (block $done
      (loop $comps
        (br_if $done (i32.ge_u (local.get $k) (local.get $pe)))
        (local.set $w11 (v128.load offset=32 (local.get $k)))
        (local.set $w21 (v128.load offset=48 (local.get $k)))
        (local.set $w22 (v128.load offset=64 (local.get $k)))
        (local.set $dx (f32x4.sub (local.get $X) (v128.load offset=0 (local.get $k))))
        (local.set $u (f32x4.mul (local.get $w11) (local.get $dx)))
        (local.set $v (f32x4.add
          (f32x4.mul (local.get $w21) (local.get $dx))
          (f32x4.mul (local.get $w22) (f32x4.sub (local.get $Y) (v128.load offset=16 (local.get $k))))))
        ;; d = l - M <= 0
        (local.set $d (f32x4.sub
          (f32x4.sub (v128.load offset=80 (local.get $k))
            (f32x4.mul (v128.const f32x4 0.5 0.5 0.5 0.5)
              (f32x4.add (f32x4.mul (local.get $u) (local.get $u)) (f32x4.mul (local.get $v) (local.get $v)))))
          (local.get $M)))
        ;; a lane is live unless its logit is more than 30 below the max (so a NaN lane is live)
        (local.set $live (v128.not (f32x4.lt (local.get $d) (v128.const f32x4 -30 -30 -30 -30))))
        (if (v128.any_true (local.get $live))
          (then
            ;; e = exp(d): d = t ln2 + r, |r| <= ln2/2, degree-7 Taylor for e^r (relative error < 2e-8
            ;; before float32 rounding), 2^t built in the exponent bits. d is clamped at -87 (2^-126 is the
            ;; smallest normal float32: no overflow of the exponent field); pmax keeps a NaN.
            (local.set $d (f32x4.pmax (local.get $d) (v128.const f32x4 -87 -87 -87 -87)))
            ;; y = d / ln2 + 1.5 * 2^23: its low mantissa bits hold t = round(d / ln2)
            (local.set $y (f32x4.add (f32x4.mul (local.get $d) (v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634)) (v128.const f32x4 12582912 12582912 12582912 12582912)))
            (local.set $t (f32x4.sub (local.get $y) (v128.const f32x4 12582912 12582912 12582912 12582912)))
            ;; ln 2 in a high part exact in float32 (t has <= 8 significant bits) and the rest
            (local.set $r (f32x4.sub (local.get $d) (f32x4.mul (local.get $t) (v128.const f32x4 0.693145751953125 0.693145751953125 0.693145751953125 0.693145751953125))))
            (local.set $r (f32x4.sub (local.get $r) (f32x4.mul (local.get $t) (v128.const f32x4 1.4286068203094173e-6 1.4286068203094173e-6 1.4286068203094173e-6 1.4286068203094173e-6))))
            (local.set $q (v128.const f32x4 1.984126984126984e-4 1.984126984126984e-4 1.984126984126984e-4 1.984126984126984e-4))
            (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $r)) (v128.const f32x4 1.388888888888889e-3 1.388888888888889e-3 1.388888888888889e-3 1.388888888888889e-3)))
            (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $r)) (v128.const f32x4 8.333333333333333e-3 8.333333333333333e-3 8.333333333333333e-3 8.333333333333333e-3)))
            (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $r)) (v128.const f32x4 4.1666666666666664e-2 4.1666666666666664e-2 4.1666666666666664e-2 4.1666666666666664e-2)))
            (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $r)) (v128.const f32x4 0.16666666666666666 0.16666666666666666 0.16666666666666666 0.16666666666666666)))
            (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $r)) (v128.const f32x4 0.5 0.5 0.5 0.5)))
            (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $r)) (v128.const f32x4 1 1 1 1)))
            (local.set $q (f32x4.add (f32x4.mul (local.get $q) (local.get $r)) (v128.const f32x4 1 1 1 1)))
            ;; times 2^t: (bits(y) - bits(1.5 * 2^23) + 127) << 23, masked to 0 on the dead lanes
            (local.set $e (v128.and (local.get $live) (f32x4.mul (local.get $q)
              (i32x4.shl (i32x4.add (local.get $y) (v128.const i32x4 -1262485377 -1262485377 -1262485377 -1262485377)) (i32.const 23)))))
            (local.set $S (f32x4.add (local.get $S) (local.get $e)))
            ;; the component's score -S_k^-1 (x - mu) = -W^T (u, v)
            (local.set $GX (f32x4.sub (local.get $GX)
              (f32x4.mul (local.get $e) (f32x4.add (f32x4.mul (local.get $w11) (local.get $u)) (f32x4.mul (local.get $w21) (local.get $v))))))
            (local.set $GY (f32x4.sub (local.get $GY)
              (f32x4.mul (local.get $e) (f32x4.mul (local.get $w22) (local.get $v)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 96)))
        (br $comps)))
    (v128.store (i32.add (local.get $gx) (local.get $o)) (f32x4.div (local.get $GX) (local.get $S)))
    (v128.store (i32.add (local.get $gy) (local.get $o)) (f32x4.div (local.get $GY) (local.get $S)))
    (v128.store (i32.add (local.get $s) (local.get $o)) (local.get $S)))
)
