import { useEffect, useState } from 'react';
import type { Design } from '../../core/model';
import type { DangerousStatement } from '../../core/safety';
import { ddlFor } from '../../state/ddl';

/**
 * The design's statements that act beyond the schema (COPY … PROGRAM, server files, roles…),
 * read by PostgreSQL's parser: an export carries them, so it must say so. Empty until the parser
 * has loaded (milliseconds), and when it cannot load.
 */
export function useDangerousStatements(design: Design): DangerousStatement[] {
  const [found, setFound] = useState<DangerousStatement[]>([]);
  useEffect(() => {
    let live = true;
    const ddl = ddlFor(design);
    void Promise.all([import('../../db/browserParser'), import('../../db/safetyScan')])
      .then(async ([{ loadBrowserParser }, { dangerousStatements }]) => {
        const list = dangerousStatements(await loadBrowserParser(), ddl.text, ddl.statements);
        // Line numbers refer to the DDL, not to other formats: the text names the statement.
        if (live) setFound(list.map(({ line: _line, ...s }) => s));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [design]);
  return found;
}
