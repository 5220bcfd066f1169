import { StaffHeader } from '@/components/admin/StaffHeader';

/** Staff sign-in: the staff header without sections (nobody is signed in yet), and no cart. */
export default function LoginLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <StaffHeader />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
    </>
  );
}
