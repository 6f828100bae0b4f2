import { LAB_LIST, LAB_SCHEMAS } from '../labs/schemas';
import { TourList } from './gallery/TourList';

export function Landing() {
  return (
    <main className="landing">
      <h1>Sampling Playground</h1>
      <p className="lede">
        Pick a 2D target, tweak a slider, and watch samplers, trainers and energy landscapes change live. Every
        experiment is a link: share it and it replays exactly. All computation runs in your browser.
      </p>
      <ul className="lab-cards">
        {LAB_LIST.map((l) => {
          const ready = Boolean(LAB_SCHEMAS[l.id]);
          return (
            <li key={l.id} className={ready ? 'card' : 'card card-soon'}>
              {ready ? <a href={`#/${l.id}`}><h2>{l.title}</h2></a> : <h2>{l.title}</h2>}
              <p>{l.blurb}</p>
              {!ready && <p className="soon">In development: not available yet.</p>}
            </li>
          );
        })}
      </ul>
      <h2 className="landing-h2">Guided tours</h2>
      <p className="lede">
        One tour per lab, written for a first lecture: each step opens an experiment and says what to notice.
        Browse every preset, with previews, in the <a href="#/gallery">gallery</a>.
      </p>
      <TourList compact />
    </main>
  );
}
