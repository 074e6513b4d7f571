/**
 * One ELK engine in a worker of its own, started by the layout worker (one per core), so the
 * clusters of a big design are laid out in parallel. Loading ELK's GWT code in a worker makes it
 * answer ELK's own worker protocol (it installs `self.onmessage`), which `elk-api`'s client speaks.
 */
import 'elkjs/lib/elk-worker.min.js';
