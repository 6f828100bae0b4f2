import { useMemo } from 'react';
import { useStore } from '../state/use-store';
import { boot } from './boot';
import { Landing } from './Landing';
import { LabPage } from './LabPage';
import { TopBar } from './TopBar';
import { Notices } from './Notices';
import { BenchPage } from './BenchPage';
import { GalleryPage } from './gallery/GalleryPage';
import { PreviewsPage } from './gallery/PreviewsPage';
import { TourDock } from './tour/TourDock';

export function App() {
  const bridge = useMemo(() => boot(), []);
  const route = useStore((s) => s.route);
  const lab = useStore((s) => s.lab);
  return (
    <>
      <TopBar />
      <Notices />
      {route === 'bench' ? (
        <BenchPage />
      ) : route === 'lab' && lab ? (
        <>
          <LabPage lab={lab} bridge={bridge} />
          <TourDock />
        </>
      ) : route === 'gallery' ? (
        <GalleryPage />
      ) : route === 'previews' ? (
        <PreviewsPage />
      ) : route === 'unknown' ? (
        <main className="landing">
          <div className="notice" role="alert">This link does not name a page of the playground. Pick a lab below.</div>
          <Landing />
        </main>
      ) : (
        <Landing />
      )}
    </>
  );
}
