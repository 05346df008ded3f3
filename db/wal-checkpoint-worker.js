// The thread of db/wal-checkpoints.ts: its own connection to the database file, a PASSIVE checkpoint of
// the write-ahead log every interval, one more when told to stop.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const { path, intervalMs } = workerData
const db = new Database(path)
db.pragma('busy_timeout = 5000')
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')
const timer = setInterval(checkpoint, intervalMs)

parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.close()
})
