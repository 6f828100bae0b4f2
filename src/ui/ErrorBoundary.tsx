// Nothing crashes to a blank page: a render error shows what happened and a way forward.
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="fatal" role="alert">
        <h2>Something went wrong while drawing the page</h2>
        <p><code>{this.state.error.message}</code></p>
        <p>Your experiment is still in the address bar. You can:</p>
        <p>
          <button onClick={() => this.setState({ error: null })}>Try again</button>{' '}
          <button onClick={() => { location.hash = '#/samplers'; location.reload(); }}>Open the Samplers lab with defaults</button>
        </p>
      </div>
    );
  }
}
